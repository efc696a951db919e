/// The SQL words tab completion offers inside a statement (MariaDB's common ones, upper case).
enum SQLKeywords {
    static let all: [String] = [
        "ALL", "AND", "AS", "ASC", "AVG", "BETWEEN", "BY", "CASE", "CAST", "COALESCE", "COLUMNS", "CONCAT",
        "COUNT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIMESTAMP", "DATE", "DATE_FORMAT", "DELETE",
        "DESC", "DESCRIBE", "DISTINCT", "ELSE", "END", "EXISTS", "EXPLAIN", "FALSE", "FROM", "FULL",
        "GROUP", "GROUP_CONCAT", "HAVING", "IF", "IFNULL", "IN", "INDEX", "INNER", "INSERT", "INTERVAL",
        "INTO", "IS", "JOIN", "JSON_EXTRACT", "LEFT", "LENGTH", "LIKE", "LIMIT", "LOWER", "MATCH", "MAX",
        "MIN", "NOT", "NOW", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
        "RECURSIVE", "REGEXP", "RIGHT", "ROUND", "SELECT", "SET", "SHOW", "SUBSTRING", "SUM", "TABLES",
        "THEN", "TRUE", "UNION", "UPDATE", "UPPER", "USING", "VALUES", "WHEN", "WHERE", "WITH", "YEAR",
        "AGAINST", "BOOLEAN MODE",
    ].filter { !$0.contains(" ") }
}
