/// The environment chatbeto gives programs it starts for the user (the pager, `$EDITOR`): its own
/// without anything that may hold a secret — the OpenAI variables, the DSN, and any variable named like
/// a key, token, secret or password. (The private server gets a minimal environment of its own.)
public enum ChildEnvironment {
    /// `environment` without the variables that may hold secrets.
    public static func withoutSecrets(_ environment: [String: String]) -> [String: String] {
        environment.filter { name, _ in
            let upper = name.uppercased()
            if upper.hasPrefix("OPENAI_") || upper.hasPrefix("CHATBETO_DSN") || upper == "MYSQL_PWD" { return false }
            return !["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "DSN"].contains(where: upper.contains)
        }
    }

    /// `withoutSecrets` as `NAME=value` strings, for a C environment array.
    public static func entries(_ environment: [String: String]) -> [String] {
        withoutSecrets(environment).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
}
