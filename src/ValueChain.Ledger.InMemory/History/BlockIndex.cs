using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The on-disk index beside the block file (SQLite, <c>index.db</c>): where each block's record lies,
/// which block holds a transaction, every version of every key (transaction, time and value, so a
/// key's history reads no block), and the events of each block.
/// It is derived data: written after a block's record is durable, whole blocks per SQLite transaction,
/// so a crash leaves it at most behind the file, and the open catches it up from the file.
/// </summary>
internal sealed class BlockIndex : IDisposable
{
    public const string FileName = "index.db";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS blocks(number INTEGER PRIMARY KEY, offset INTEGER NOT NULL, length INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS transactions(prefix INTEGER NOT NULL, block INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (prefix, block, position)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS history(key BLOB NOT NULL, block INTEGER NOT NULL, position INTEGER NOT NULL, tx BLOB NOT NULL, time INTEGER NOT NULL, value BLOB, PRIMARY KEY (key, block, position)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS events(chaincode TEXT NOT NULL, block INTEGER NOT NULL, position INTEGER NOT NULL, tx BLOB NOT NULL, name TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (chaincode, block, position)) WITHOUT ROWID;
        """;

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteCommand _insertBlock, _insertTransaction, _insertHistory, _insertEvent;
    private readonly ConcurrentBag<Reader> _readers = [];

    private BlockIndex(string path)
    {
        _writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _writer.Open();
        Execute(Schema + "PRAGMA cache_size = -16384;");
        _readConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        _insertBlock = Prepare("INSERT INTO blocks(number, offset, length) VALUES ($a, $b, $c)", 3);
        _insertTransaction = Prepare("INSERT OR IGNORE INTO transactions(prefix, block, position) VALUES ($a, $b, $c)", 3);
        _insertHistory = Prepare("INSERT OR IGNORE INTO history(key, block, position, tx, time, value) VALUES ($a, $b, $c, $d, $e, $f)", 6);
        _insertEvent = Prepare("INSERT INTO events(chaincode, block, position, tx, name, payload) VALUES ($a, $b, $c, $d, $e, $f)", 6);
    }

    /// <summary>Opens (or creates) the index in <paramref name="directory"/>.</summary>
    public static BlockIndex Open(string directory) => new(Path.Combine(directory, FileName));

    /// <summary>The newest indexed block and where its record lies, or null when nothing is indexed.</summary>
    public (long Number, long Offset, int Length)? Last()
    {
        using SqliteCommand command = _writer.CreateCommand();
        command.CommandText = "SELECT number, offset, length FROM blocks ORDER BY number DESC LIMIT 1";
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)) : null;
    }

    /// <summary>Forgets everything, so the index can be rebuilt from the block file.</summary>
    public void Reset() => Execute("DELETE FROM blocks; DELETE FROM transactions; DELETE FROM history; DELETE FROM events;");

    /// <summary>Indexes durable blocks, in order, in one SQLite transaction: all of them or none.</summary>
    public void Add(IReadOnlyList<PendingBlock> blocks)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        using SqliteTransaction transaction = _writer.BeginTransaction();
        foreach (SqliteCommand command in new[] { _insertBlock, _insertTransaction, _insertHistory, _insertEvent })
        {
            command.Transaction = transaction;
        }

        foreach (PendingBlock pending in blocks)
        {
            Add(pending.Block, pending.Offset, pending.Length);
        }

        transaction.Commit();
    }

    private void Add(LedgerBlock block, long offset, int length)
    {
        long number = block.Number, time = block.Header.Timestamp.ToUnixTimeMilliseconds();
        Run(_insertBlock, number, offset, length);
        byte[] genesis = new byte[32];
        foreach (StateWrite write in block.GenesisWrites)
        {
            Run(_insertHistory, Encoding.UTF8.GetBytes(write.Key), number, -1, genesis, time, (object?)write.Value ?? DBNull.Value);
        }

        int eventIndex = 0;
        for (int i = 0; i < block.Transactions.Count; i++)
        {
            TxId id = block.Transactions[i].Id;
            byte[] idBytes = id.Hash.ToArray();
            Run(_insertTransaction, Prefix(id), number, i);
            ReceiptRecord receipt = block.Receipts[i];
            foreach (StateWrite write in receipt.Writes)
            {
                Run(_insertHistory, Encoding.UTF8.GetBytes(write.Key), number, i, idBytes, time, (object?)write.Value ?? DBNull.Value);
            }

            foreach (EventRecord e in receipt.Events)
            {
                Run(_insertEvent, e.Chaincode, number, eventIndex++, idBytes, e.Name, e.PayloadJson);
            }
        }
    }

    /// <summary>Where block <paramref name="number"/>'s record lies, or null.</summary>
    public (long Offset, int Length)? Where(long number) => Query(
        "SELECT offset, length FROM blocks WHERE number = $a", [number], r => (r.GetInt64(0), r.GetInt32(1))) is [var at] ? at : null;

    /// <summary>The blocks and positions of transactions whose id starts like <paramref name="id"/>'s (the caller checks the whole id).</summary>
    public List<(long Block, int Index)> Transactions(TxId id) => Query(
        "SELECT block, position FROM transactions WHERE prefix = $a ORDER BY block, position", [Prefix(id)], r => (r.GetInt64(0), r.GetInt32(1)));

    /// <summary>Every committed version of a stored key up to <paramref name="lastBlock"/>, oldest first; held in the index, so no block is read.</summary>
    public List<HistoryEntry> History(string storedKey, long lastBlock) => Query(
        "SELECT block, tx, time, value FROM history WHERE key = $a AND block <= $b ORDER BY block, position",
        [Encoding.UTF8.GetBytes(storedKey), lastBlock],
        r => new HistoryEntry(r.GetInt64(0), new TxId(new Hash32((byte[])r.GetValue(1))), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.IsDBNull(3) ? null : (byte[])r.GetValue(3)));

    /// <summary>A chaincode's events in blocks [<paramref name="from"/>, <paramref name="to"/>], in ledger order.</summary>
    public List<LedgerEvent> Events(string chaincode, long from, long to) => Query(
        "SELECT block, position, tx, name, payload FROM events WHERE chaincode = $a AND block BETWEEN $b AND $c ORDER BY block, position",
        [chaincode, from, to],
        r => new LedgerEvent(chaincode, r.GetString(3), r.GetString(4), r.GetInt64(0), new TxId(new Hash32((byte[])r.GetValue(2))), r.GetInt32(1)));

    public void Dispose()
    {
        foreach (SqliteCommand command in new[] { _insertBlock, _insertTransaction, _insertHistory, _insertEvent })
        {
            command.Dispose();
        }

        while (_readers.TryTake(out Reader? reader))
        {
            reader.Dispose();
        }

        _writer.Dispose();
    }

    private static long Prefix(TxId id)
    {
        Span<byte> bytes = stackalloc byte[32];
        id.Hash.WriteTo(bytes);
        return BinaryPrimitives.ReadInt64BigEndian(bytes);
    }

    private List<T> Query<T>(string sql, object[] arguments, Func<SqliteDataReader, T> map)
    {
        // Readers take a pooled read-only connection of their own (WAL lets them read while the writer
        // writes), with its statements prepared once: a query then costs its B-tree seek, not its parsing.
        if (!_readers.TryTake(out Reader? reader))
        {
            reader = new Reader(_readConnectionString);
        }

        try
        {
            SqliteCommand command = reader.Command(sql, arguments.Length);
            for (int i = 0; i < arguments.Length; i++)
            {
                command.Parameters[i].Value = arguments[i];
            }

            var results = new List<T>();
            using SqliteDataReader rows = command.ExecuteReader();
            while (rows.Read())
            {
                results.Add(map(rows));
            }

            return results;
        }
        finally
        {
            _readers.Add(reader);
        }
    }

    private SqliteCommand Prepare(string sql, int parameters) => Prepare(_writer, sql, parameters);

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        for (int i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + (char)('a' + i), null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A read-only connection with the statements it has prepared, used by one reader at a time.</summary>
    private sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Reader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public SqliteCommand Command(string sql, int parameters)
        {
            if (!_commands.TryGetValue(sql, out SqliteCommand? command))
            {
                command = Prepare(_connection, sql, parameters);
                _commands[sql] = command;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (SqliteCommand command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
