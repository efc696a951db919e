/// The program version `--version` prints.
public enum ChatBeto { public static let version = "0.1.0" }
