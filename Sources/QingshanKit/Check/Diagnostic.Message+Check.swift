// The messages of the output checker, the personal-data scanner and the footer
// validator. Ids are stable: tests and `--format json` consumers match on them.
// Personal data is only ever quoted masked (`152****8022`), never in full.

extension Diagnostic.Message {
    // MARK: Personal data

    /// A mainland mobile number in a file that would be published.
    static func personalMobile(_ masked: String) -> Self {
        .init(id: "personal-mobile", text: "mobile number \(masked) would be published; publish an office line instead")
    }

    /// An 18-character ID number with a valid check digit.
    static func personalIDNumber(_ masked: String) -> Self {
        .init(id: "personal-id-number", text: "ID number \(masked) would be published")
    }

    /// A 16–19-digit number that passes the Luhn check.
    static func personalBankCard(_ masked: String) -> Self {
        .init(id: "personal-bank-card", text: "bank card number \(masked) would be published")
    }

    /// A mailbox on a public provider: a person's, not an office's.
    static func personalEmail(_ masked: String) -> Self {
        .init(
            id: "personal-email", text: "private e-mail address \(masked) would be published; publish the office mailbox instead",
            zh: "将会公开私人电子邮箱 \(masked)；请改为公开单位的办公邮箱")
    }

    /// An allow-list entry in `site.yaml` without a reason.
    static let personalDataAllowanceReason = Self(
        id: "personal-data-allow-reason",
        text: "an allowance for personal data needs a non-empty `reason`")

    /// An allow-list entry that names neither a file nor a column, or both.
    static let personalDataAllowanceTarget = Self(
        id: "personal-data-allow-target",
        text: "an allowance for personal data names exactly one `file` or one `column` (`dataset.column`)")

    /// `personalData` or its `allow` list has the wrong shape.
    static func personalDataPolicyShape(_ expected: String) -> Self {
        .init(id: "personal-data-policy-shape", text: "`personalData` must be \(expected)")
    }

    /// An unknown key in an allow-list entry (a typo would silently allow nothing).
    static func personalDataAllowanceKey(_ key: String) -> Self {
        .init(id: "personal-data-allow-key", text: "unknown key `\(key)` in a personal-data allowance")
    }

    // MARK: Government footer

    /// 网站标识码 in the wrong format.
    static func footerSiteIDCode(_ value: String) -> Self {
        .init(
            id: "footer-site-id-code",
            text: "site ID code (网站标识码) `\(value)` is not 10 digits starting with a region code, nor `bm` and 8 digits")
    }

    /// ICP备案号 in the wrong format.
    static func footerICPNumber(_ value: String) -> Self {
        .init(id: "footer-icp-number", text: "ICP number (ICP备案号) `\(value)` is not like `蜀ICP备12345678号` or `蜀ICP备12345678号-1`")
    }

    /// 公安备案号 in the wrong format.
    static func footerPublicSecurityNumber(_ value: String) -> Self {
        .init(
            id: "footer-public-security-number",
            text: "public-security filing number (公安备案号) `\(value)` is not like `川公网安备 51170202000123号`")
    }

    /// 公安备案号 whose province abbreviation and region code disagree.
    static func footerPublicSecurityRegion(_ abbreviation: String, _ code: String) -> Self {
        .init(
            id: "footer-public-security-region",
            text: "public-security filing number starts with `\(abbreviation)` but its region code is \(code)")
    }

    // MARK: Links and offline audit

    /// A relative link to a file that is not in the output.
    static func deadLink(_ target: String) -> Self {
        .init(id: "dead-link", text: "link to `\(target)`, which is not in the output")
    }

    /// A `#fragment` that names no `id` in its target page.
    static func deadAnchor(_ fragment: String, in page: String) -> Self {
        .init(id: "dead-anchor", text: "anchor `#\(fragment)` is not an id in `\(page)`")
    }

    /// A relative link that climbs above the output folder.
    static func linkLeavesSite(_ target: String) -> Self {
        .init(id: "link-leaves-site", text: "link to `\(target)` leads outside the site")
    }

    /// `/assets/x.css` or `file:///…`: breaks under a sub-path and from `file://`.
    static func absoluteLocalPath(_ target: String) -> Self {
        .init(id: "offline-absolute-path", text: "absolute local path `\(target)` breaks under a sub-path and from file://")
    }

    /// A script, style, font, image or frame loaded from another host.
    static func externalResource(_ target: String) -> Self {
        .init(id: "offline-external-resource", text: "resource `\(target)` is loaded from another host; the site must work offline")
    }

    /// `<script type="module">`, which browsers refuse to load from `file://`.
    static let moduleScript = Self(
        id: "offline-module-script", text: "module scripts do not load from file://; use a classic script")

    /// `href="goals/"`: from `file://` the browser shows a folder listing, not the page.
    static func folderLink(_ target: String) -> Self {
        .init(id: "offline-folder-link", text: "link to folder `\(target)` must name its `index.html`")
    }

    /// Two elements with the same `id` on one page; anchors to it are ambiguous.
    static func duplicateID(_ id: String) -> Self {
        .init(id: "duplicate-id", text: "id `\(id)` is used more than once on this page")
    }

    // MARK: Accessibility

    static let missingLang = Self(id: "a11y-lang", text: "`<html>` has no `lang` attribute (use `lang=\"zh-CN\"`)")

    static func titleCount(_ count: Int) -> Self {
        .init(id: "a11y-title-count", text: "page has \(count) `<title>` elements; it needs exactly one")
    }

    static func duplicateTitle(_ title: String, firstUsedBy page: String) -> Self {
        .init(id: "a11y-title-duplicate", text: "title `\(title)` is also the title of `\(page)`")
    }

    static let imageWithoutAlt = Self(
        id: "a11y-img-alt", text: "`<img>` has no `alt` (use `alt=\"\"` for a decorative image)")

    static let tableWithoutHeaders = Self(id: "a11y-table-headers", text: "`<table>` has no `<th>` header cells")

    static func headingSkip(from previous: Int, to level: Int) -> Self {
        .init(id: "a11y-heading-order", text: "heading `<h\(level)>` follows `<h\(previous)>`, skipping a level")
    }

    static let multipleH1 = Self(id: "a11y-multiple-h1", text: "page has more than one `<h1>`")

    static func vagueLinkText(_ text: String) -> Self {
        let shown = text.isEmpty ? "empty link text" : "link text `\(text)`"
        return .init(id: "a11y-link-text", text: "\(shown) does not say where the link goes")
    }
}
