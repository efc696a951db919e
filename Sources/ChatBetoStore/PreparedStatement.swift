import Foundation
internal import CMySQL

/// A server-side prepared statement, owning its C handle. It does not keep its connection alive: the
/// connection caches its statements and closes them before its own handle (MySQLConnection's deinit),
/// so a reference back would be a cycle that frees neither. Use a statement only while its connection
/// is alive (BulkInsert's owner holds the connection too): Connector/C invalidates a closed
/// connection's statements, so running one afterwards fails with a client error.
public final class PreparedStatement {
    let stmt: UnsafeMutablePointer<MYSQL_STMT>
    public let sql: String
    public let parameterCount: Int

    init(connection: MySQLConnection, sql: String) throws {
        guard let s = mysql_stmt_init(connection.handle) else {
            throw connection.lastError(sql: sql, function: "mysql_stmt_init")
        }
        self.stmt = s
        self.sql = sql
        let rc = sql.withCString { mysql_stmt_prepare(s, $0, UInt(strlen($0))) }
        if rc != 0 {
            let error = PreparedStatement.error(s, sql: sql, function: "mysql_stmt_prepare")
            mysql_stmt_close(s)
            throw error
        }
        parameterCount = Int(mysql_stmt_param_count(s))
        _ = chatbeto_mysql_stmt_set_update_max_length(s, true)
    }

    deinit { mysql_stmt_close(stmt) }

    static func error(_ s: UnsafeMutablePointer<MYSQL_STMT>, sql: String, function: String) -> StoreError {
        StoreError(code: MySQLErrorCode(rawValue: Int(mysql_stmt_errno(s))), sqlState: String(cString: mysql_stmt_sqlstate(s)),
                   message: String(cString: mysql_stmt_error(s)), sql: sql, function: function)
    }

    private func fail(_ function: String) -> StoreError { failure(function) }

    /// The statement's current error, attributed to `function`.
    func failure(_ function: String) -> StoreError { PreparedStatement.error(stmt, sql: sql, function: function) }

    /// Executes with the given parameters and reads the whole result.
    @discardableResult
    public func run(_ parameters: [SQLValue] = []) throws -> ResultSet {
        guard parameters.count == parameterCount else {
            throw StoreError(code: .wrongParameterCount, message: "statement takes \(parameterCount) parameters, \(parameters.count) given", sql: sql)
        }
        let bindings = ParameterBuffers(parameters)
        defer { bindings.release() }
        if parameterCount > 0, mysql_stmt_bind_param(stmt, bindings.binds) != 0 { throw fail("mysql_stmt_bind_param") }
        if mysql_stmt_execute(stmt) != 0 { throw fail("mysql_stmt_execute") }
        defer { mysql_stmt_free_result(stmt) }
        guard let meta = mysql_stmt_result_metadata(stmt) else {
            if mysql_stmt_field_count(stmt) != 0 { throw fail("mysql_stmt_result_metadata") }
            return ResultSet(affectedRows: mysql_stmt_affected_rows(stmt), lastInsertID: mysql_stmt_insert_id(stmt))
        }
        defer { mysql_free_result(meta) }
        if mysql_stmt_store_result(stmt) != 0 { throw fail("mysql_stmt_store_result") }
        return try readRows(meta: meta)
    }

    private func readRows(meta: UnsafeMutablePointer<MYSQL_RES>) throws -> ResultSet {
        let n = Int(mysql_num_fields(meta))
        let fields = mysql_fetch_fields(meta)!
        var columns: [Column] = []
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: n)
        binds.initialize(repeating: MYSQL_BIND(), count: n)
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: n)
        lengths.initialize(repeating: 0, count: n)
        let nulls = UnsafeMutablePointer<my_bool>.allocate(capacity: n)
        nulls.initialize(repeating: 0, count: n)
        let errors = UnsafeMutablePointer<my_bool>.allocate(capacity: n)
        errors.initialize(repeating: 0, count: n)
        var buffers: [UnsafeMutableRawPointer] = []
        var capacities: [Int] = []
        defer {
            buffers.forEach { $0.deallocate() }
            binds.deallocate(); lengths.deallocate(); nulls.deallocate(); errors.deallocate()
        }
        for i in 0..<n {
            let f = fields[i]
            columns.append(Column(name: String(cString: f.name), kind: ColumnKind(type: f.type, charset: f.charsetnr)))
            let capacity = max(Int(f.max_length) + 1, 64)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            buffers.append(buffer); capacities.append(capacity)
            binds[i].buffer_type = MYSQL_TYPE_STRING
            binds[i].buffer = buffer
            binds[i].buffer_length = UInt(capacity)
            binds[i].length = lengths + i
            binds[i].is_null = nulls + i
            binds[i].error = errors + i
        }
        if mysql_stmt_bind_result(stmt, binds) != 0 { throw fail("mysql_stmt_bind_result") }
        var rows: [[SQLValue]] = []
        while true {
            let rc = mysql_stmt_fetch(stmt)
            if rc == MYSQL_NO_DATA { break }
            if rc == 1 { throw fail("mysql_stmt_fetch") }
            var values: [SQLValue] = []
            values.reserveCapacity(n)
            for i in 0..<n {
                if nulls[i] != 0 { values.append(.null); continue }
                let length = Int(lengths[i])
                if length > capacities[i] - 1 || errors[i] != 0 {
                    // Truncated: fetch this column again into a buffer of the full size.
                    let big = UnsafeMutableRawPointer.allocate(byteCount: length + 1, alignment: 8)
                    defer { big.deallocate() }
                    var b = MYSQL_BIND()
                    var got: UInt = 0
                    b.buffer_type = MYSQL_TYPE_STRING
                    b.buffer = big
                    b.buffer_length = UInt(length + 1)
                    let v: SQLValue = try withUnsafeMutablePointer(to: &got) { gotPointer in
                        b.length = gotPointer
                        if mysql_stmt_fetch_column(stmt, &b, UInt32(i), 0) != 0 { throw fail("mysql_stmt_fetch_column") }
                        return SQLValue(bytes: UnsafeRawBufferPointer(start: big, count: length), kind: columns[i].kind)
                    }
                    values.append(v)
                } else {
                    values.append(SQLValue(bytes: UnsafeRawBufferPointer(start: buffers[i], count: length), kind: columns[i].kind))
                }
            }
            rows.append(values)
        }
        return ResultSet(columns: columns, rows: rows)
    }
}

/// Heap buffers for bound parameters: the client library keeps pointers to them until execute returns.
final class ParameterBuffers {
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private var allocations: [UnsafeMutableRawPointer] = []
    private let lengths: UnsafeMutablePointer<UInt>
    private let count: Int

    init(_ values: [SQLValue]) {
        count = values.count
        binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        lengths = UnsafeMutablePointer<UInt>.allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        for (i, value) in values.enumerated() {
            switch value {
            case .null:
                binds[i].buffer_type = MYSQL_TYPE_NULL
            case .int(let v):
                let p = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                p.storeBytes(of: v, as: Int64.self)
                allocations.append(p)
                binds[i].buffer_type = MYSQL_TYPE_LONGLONG
                binds[i].buffer = p
            case .double(let v):
                let p = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                p.storeBytes(of: v, as: Double.self)
                allocations.append(p)
                binds[i].buffer_type = MYSQL_TYPE_DOUBLE
                binds[i].buffer = p
            case .decimal(let s), .text(let s), .temporal(let s):
                setBytes(i, Array(s.utf8), type: MYSQL_TYPE_STRING)
            case .blob(let b):
                setBytes(i, b, type: MYSQL_TYPE_BLOB)
            }
        }
    }

    private func setBytes(_ i: Int, _ bytes: [UInt8], type: enum_field_types) {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        bytes.withUnsafeBytes { if $0.count > 0 { p.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        allocations.append(p)
        lengths[i] = UInt(bytes.count)
        binds[i].buffer_type = type
        binds[i].buffer = p
        binds[i].buffer_length = UInt(bytes.count)
        binds[i].length = lengths + i
    }

    func release() {
        allocations.forEach { $0.deallocate() }
        allocations.removeAll()
        binds.deallocate()
        lengths.deallocate()
    }
}
