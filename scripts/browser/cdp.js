"use strict";
// A small Chrome DevTools Protocol client on node built-ins only: launches a
// headless Chromium with its own throwaway profile, connects to the browser
// websocket (node 20: --experimental-websocket) and talks to one page target
// through a flattened session. Every wait is bounded by a timeout.

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const COMMAND_TIMEOUT_MS = 15000;

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with `promise`, or rejects with `message` after `ms`. */
function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message + " (timed out after " + ms + " ms)")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class Browser {
  constructor(child, profileDir, socket) {
    this.child = child;
    this.profileDir = profileDir;
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.closed = false;
    socket.addEventListener("message", (event) => this.onMessage(event.data));
    socket.addEventListener("close", () => this.onClose(new Error("DevTools connection closed")));
  }

  /** Starts Chromium and connects to it. Cleans up itself if anything fails. */
  static async launch(options = {}) {
    const executable = options.executable || process.env.CHROMIUM || "chromium";
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "browser-check-"));
    const args = [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--remote-debugging-port=0",
      "--user-data-dir=" + profileDir,
      "--host-resolver-rules=MAP * ~NOTFOUND",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-extensions",
      "--disable-sync",
      "--disable-default-apps",
      "--mute-audio",
      "--hide-scrollbars",
      "--password-store=basic",
      "about:blank",
    ];
    // detached: Chromium leads its own process group, so the whole tree
    // (renderers, GPU and utility processes) can be ended by its id alone.
    const child = spawn(executable, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => { if (stderr.length < 20000) stderr += chunk; });
    let exited = false;
    child.on("exit", () => { exited = true; });
    const startError = new Promise((_, reject) => child.on("error", reject));
    startError.catch(() => {});
    const cleanup = () => {
      killGroup(child);
      fs.rmSync(profileDir, { recursive: true, force: true });
    };
    try {
      const portFile = path.join(profileDir, "DevToolsActivePort");
      const deadline = Date.now() + (options.startTimeoutMs || 30000);
      let lines = null;
      while (!lines) {
        await Promise.race([sleep(50), startError]);
        if (fs.existsSync(portFile)) {
          const parts = fs.readFileSync(portFile, "utf8").split("\n");
          if (parts.length >= 2 && parts[0] && parts[1]) lines = parts;
        }
        if (!lines && exited) throw new Error("chromium exited during start-up:\n" + stderr.trim());
        if (!lines && Date.now() > deadline) throw new Error("chromium did not start (no DevToolsActivePort):\n" + stderr.trim());
      }
      const url = "ws://127.0.0.1:" + lines[0].trim() + lines[1].trim();
      const socket = new WebSocket(url);
      await withTimeout(new Promise((resolve, reject) => {
        socket.addEventListener("open", resolve, { once: true });
        socket.addEventListener("error", () => reject(new Error("cannot connect to " + url)), { once: true });
      }), 10000, "connecting to DevTools");
      return new Browser(child, profileDir, socket);
    } catch (error) {
      cleanup();
      throw error;
    }
  }

  onMessage(data) {
    let message;
    try { message = JSON.parse(data); } catch { return; }
    if (message.id !== undefined) {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(waiter.method + ": " + message.error.message));
      else waiter.resolve(message.result || {});
      return;
    }
    for (const listener of [...this.listeners]) listener(message.method, message.params || {}, message.sessionId);
  }

  onClose(error) {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  /** Sends a command (to a page session when sessionId is given). */
  send(method, params = {}, sessionId, timeoutMs = COMMAND_TIMEOUT_MS) {
    if (this.closed) return Promise.reject(new Error(method + ": DevTools connection closed"));
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    const reply = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
    this.socket.send(JSON.stringify(message));
    return withTimeout(reply, timeoutMs, method).finally(() => this.pending.delete(id));
  }

  /** Calls listener(method, params, sessionId) for every event; returns an unsubscribe function. */
  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens a new tab and attaches to it. */
  async newPage() {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    return new Page(this, sessionId, targetId);
  }

  /** Ends Chromium and removes its profile. Safe to call more than once. */
  async close() {
    if (this.closing) return this.closing;
    this.closing = (async () => {
      try {
        if (!this.closed) await this.send("Browser.close", {}, undefined, 3000).catch(() => {});
      } finally {
        try { this.socket.close(); } catch { /* already closed */ }
        await waitForExit(this.child, 3000);
        killGroup(this.child);
        fs.rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
      }
    })();
    return this.closing;
  }

  /** Synchronous last resort for process exit handlers. */
  killNow() {
    killGroup(this.child);
    try { fs.rmSync(this.profileDir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

function killGroup(child) {
  if (!child || child.pid === undefined) return;
  try { process.kill(-child.pid, "SIGKILL"); } catch { /* group already gone */ }
  try { child.kill("SIGKILL"); } catch { /* already gone */ }
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(ms)]);
}

class Page {
  constructor(browser, sessionId, targetId) {
    this.browser = browser;
    this.sessionId = sessionId;
    this.targetId = targetId;
    this.unsubscribe = [];
    this.loaded = new Set(); // loaderIds whose load lifecycle event has been seen
    this.inflight = new Map(); // requestId -> {url, loaderId} of requests not yet finished
    this.lastActivity = Date.now();
    this.waiters = new Set();
    this.unsubscribe.push(browser.on((method, params, sessionId) => {
      if (sessionId !== this.sessionId) return;
      if (method === "Page.lifecycleEvent" && params.name === "load") this.loaded.add(params.loaderId);
      if (method === "Network.requestWillBeSent") this.inflight.set(params.requestId, { url: params.request.url, loaderId: params.loaderId });
      if (method === "Network.loadingFinished" || method === "Network.loadingFailed") this.inflight.delete(params.requestId);
      if (method.startsWith("Network.")) this.lastActivity = Date.now();
      for (const waiter of [...this.waiters]) waiter();
    }));
  }

  /** Closes the tab; its listeners stop. */
  async close() {
    for (const off of this.unsubscribe) off();
    await this.browser.send("Target.closeTarget", { targetId: this.targetId }, undefined, 5000).catch(() => {});
  }

  send(method, params = {}, timeoutMs) {
    return this.browser.send(method, params, this.sessionId, timeoutMs);
  }

  on(listener) {
    const off = this.browser.on((method, params, sessionId) => {
      if (sessionId === this.sessionId) listener(method, params);
    });
    this.unsubscribe.push(off);
    return off;
  }

  /** Waits until predicate() is true, re-checking on every event and every 25 ms. */
  waitFor(predicate, timeoutMs, what) {
    if (predicate()) return Promise.resolve();
    let waiter;
    let timer;
    return withTimeout(new Promise((resolve) => {
      waiter = () => { if (predicate()) resolve(); };
      this.waiters.add(waiter);
      timer = setInterval(waiter, 25);
    }), timeoutMs, what).finally(() => {
      this.waiters.delete(waiter);
      clearInterval(timer);
    });
  }

  async enable() {
    await Promise.all([
      this.send("Page.enable"),
      this.send("Runtime.enable"),
      this.send("Log.enable"),
      this.send("Network.enable"),
      this.send("DOM.enable"),
    ]);
    await this.send("Page.setLifecycleEventsEnabled", { enabled: true });
    await this.send("Network.setCacheDisabled", { cacheDisabled: true });
    // "Networking disabled": on top of the host resolver rules, the tab is offline.
    await this.send("Network.emulateNetworkConditions", {
      offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1,
    });
  }

  /**
   * Navigates and waits for the load event, then for the network to be quiet.
   * Returns the navigation's errorText ("" on success).
   */
  async navigate(url, timeoutMs = 15000) {
    this.inflight.clear(); // what the previous document left unfinished is not this page's
    this.loaded.clear();
    const result = await this.send("Page.navigate", { url }, timeoutMs);
    if (result.errorText) return result.errorText;
    if (result.loaderId) {
      await this.waitFor(() => this.loaded.has(result.loaderId), timeoutMs, "load of " + url);
    }
    await this.waitForQuiet(result.loaderId);
    return "";
  }

  /** Requests of this document (loaderId) still unfinished. */
  pendingRequests(loaderId) {
    return [...this.inflight.values()].filter((r) => !loaderId || !r.loaderId || r.loaderId === loaderId);
  }

  /** Waits until no request of the document is in flight and 30 ms passed without network events. */
  async waitForQuiet(loaderId, timeoutMs = 5000) {
    try {
      await this.waitFor(() => this.pendingRequests(loaderId).length === 0 && Date.now() - this.lastActivity >= 30, timeoutMs, "");
    } catch {
      const urls = this.pendingRequests(loaderId).map((r) => r.url);
      throw new Error("requests still unfinished " + timeoutMs / 1000 + " s after load: " + (urls.join(", ") || "(none; network kept busy)"));
    }
  }

  /** Evaluates an expression in the page (awaiting promises) and returns its JSON value. */
  async evaluate(expression, timeoutMs = 10000) {
    const result = await this.send("Runtime.evaluate", {
      expression, returnByValue: true, awaitPromise: true, timeout: timeoutMs,
    }, timeoutMs + 1000);
    if (result.exceptionDetails) {
      const details = result.exceptionDetails;
      throw new Error("evaluate: " + ((details.exception && details.exception.description) || details.text));
    }
    return result.result.value;
  }
}

module.exports = { Browser, Page, sleep, withTimeout };
