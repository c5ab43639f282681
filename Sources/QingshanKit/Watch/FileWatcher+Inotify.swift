#if os(Linux)
    import Foundation
    import Glibc

    /// The inotify backend: one watch per folder (inotify is not recursive), re-adding
    /// watches for folders created or moved in while watching.
    final class InotifyWatcher: @unchecked Sendable {
        // @unchecked: `folders` is only touched on the watcher thread after `init`.
        private let descriptor: Int32
        private let root: URL
        /// Watch descriptor → folder, site-root-relative.
        private var folders: [Int32: String] = [:]

        /// What a watch listens for: content written, files appearing, disappearing or renamed.
        private static let mask: UInt32 = UInt32(
            IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE
                | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

        /// `nil` when inotify is unavailable or no folder could be watched (the caller polls).
        init?(root: URL, folders watched: [String]) {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            self.root = root
            var any = false
            for folder in watched where FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path) {
                guard addWatches(recursivelyFrom: folder) != nil else {
                    // Typically ENOSPC: the user's `max_user_watches` is used up.
                    close(descriptor)
                    return nil
                }
                any = true
            }
            guard any else {
                close(descriptor)
                return nil
            }
        }

        deinit { close(descriptor) }

        /// Adds a watch on `folder` and every folder below it; returns the files found inside
        /// (they may have been written before the watch existed), or `nil` on failure.
        @discardableResult
        private func addWatches(recursivelyFrom folder: String) -> [String]? {
            var found: [String] = []
            var queue = [folder]
            while let current = queue.popLast() {
                let watch = inotify_add_watch(descriptor, root.appendingPathComponent(current).path, Self.mask)
                guard watch >= 0 else {
                    if errno == ENOENT || errno == ENOTDIR { continue }  // gone already
                    return nil
                }
                folders[watch] = current
                let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(current).path)) ?? []
                for name in names {
                    let path = current + "/" + name
                    var isFolder: ObjCBool = false
                    if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder), isFolder.boolValue {
                        queue.append(path)
                    } else {
                        found.append(path)
                    }
                }
            }
            return found
        }

        func run(isStopped: () -> Bool, emit: ([String]) -> Void) {
            let bufferSize = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
            defer { buffer.deallocate() }
            while !isStopped() {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                // A short timeout so `stop()` takes effect without a wake-up pipe.
                let ready = poll(&poller, 1, 100)
                guard ready > 0 else { continue }
                let count = read(descriptor, buffer, bufferSize)
                guard count > 0 else { continue }
                emit(handleEvents(buffer, count: count))
            }
        }

        /// Parses `struct inotify_event { int wd; uint32_t mask, cookie, len; char name[]; }`
        /// records (16-byte header, then `len` bytes of NUL-padded name).
        private func handleEvents(_ buffer: UnsafeMutableRawPointer, count: Int) -> [String] {
            var changed: [String] = []
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let watch = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                let name = length > 0 ? String(cString: nameStart) : ""
                offset += header + length

                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: report the watched folders, which rebuilds everything.
                    changed.append(contentsOf: Set(folders.values.map { String($0.split(separator: "/").first ?? "") }))
                    continue
                }
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[watch] = nil  // the folder was deleted or unmounted
                    continue
                }
                let path = name.isEmpty ? folder : folder + "/" + name
                changed.append(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_MOVED_FROM) != 0 {
                    // Moved away: its watches would report under a stale path. Moved back
                    // in, it arrives as IN_MOVED_TO and is watched afresh.
                    for (other, otherFolder) in folders where otherFolder == path || otherFolder.hasPrefix(path + "/") {
                        inotify_rm_watch(descriptor, other)
                        folders[other] = nil
                    }
                }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    changed.append(contentsOf: addWatches(recursivelyFrom: path) ?? [])
                }
            }
            return changed
        }
    }
#endif
