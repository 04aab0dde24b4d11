namespace ValueChain.Traceability;

/// <summary>
/// The relational read model, in SQL that SQLite (3.24+) and PostgreSQL both run unchanged: parts,
/// custody moves, genealogy edges, orders and deliveries (as the projection's participant may see
/// them), inventory per participant (a view), and the checkpoint.
/// </summary>
internal static class ReadModelSchema
{
    public static readonly string[] Create =
    [
        "CREATE TABLE IF NOT EXISTS pc_checkpoint (id INTEGER PRIMARY KEY, next_block BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS pc_part (part_id TEXT PRIMARY KEY, part_number TEXT NOT NULL, batch_number TEXT NOT NULL, manufacturer TEXT NOT NULL, owner TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, registered_at BIGINT NOT NULL, assembly_id TEXT NULL)",
        "CREATE INDEX IF NOT EXISTS pc_part_batch ON pc_part (batch_number)",
        "CREATE INDEX IF NOT EXISTS pc_part_owner ON pc_part (owner)",
        "CREATE TABLE IF NOT EXISTS pc_custody (part_id TEXT NOT NULL, block_number BIGINT NOT NULL, event_index INTEGER NOT NULL, from_owner TEXT NULL, to_owner TEXT NOT NULL, delivery_id TEXT NULL, PRIMARY KEY (part_id, block_number, event_index))",
        "CREATE TABLE IF NOT EXISTS pc_genealogy (assembly_id TEXT NOT NULL, component_id TEXT NOT NULL, PRIMARY KEY (assembly_id, component_id))",
        "CREATE INDEX IF NOT EXISTS pc_genealogy_component ON pc_genealogy (component_id)",
        "CREATE TABLE IF NOT EXISTS pc_order (order_id TEXT PRIMARY KEY, buyer TEXT NOT NULL, supplier TEXT NOT NULL, part_number TEXT NOT NULL, quantity INTEGER NOT NULL, requested_delivery BIGINT NOT NULL, status TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS pc_delivery (delivery_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, lsp TEXT NOT NULL, part_count INTEGER NOT NULL, status TEXT NOT NULL)",
        "DROP VIEW IF EXISTS pc_inventory",
        "CREATE VIEW pc_inventory AS SELECT owner, part_number, COUNT(*) AS quantity FROM pc_part WHERE status <> 'Installed' GROUP BY owner, part_number",
    ];

    /// <summary>Every table with its key columns, for dumps that compare two read models.</summary>
    public static readonly (string Table, string OrderBy)[] Tables =
    [
        ("pc_checkpoint", "id"),
        ("pc_part", "part_id"),
        ("pc_custody", "part_id, block_number, event_index"),
        ("pc_genealogy", "assembly_id, component_id"),
        ("pc_order", "order_id"),
        ("pc_delivery", "delivery_id"),
    ];
}
