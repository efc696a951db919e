/// ChatGPT project ids (`g-p-<32 hex>`), as exports and sidebar URLs spell them.
public enum ChatGPTProjectID {
    /// `g-p-<32 hex>-health-research` → `g-p-<32 hex>` (sidebar URLs append a slug of the name);
    /// anything else is returned unchanged.
    public static func withoutSlug(_ id: String) -> String {
        guard id.hasPrefix("g-p-") else { return id }
        let hex = id.dropFirst(4).prefix { $0.isHexDigit }
        return hex.count == 32 ? "g-p-" + hex : id
    }
}
