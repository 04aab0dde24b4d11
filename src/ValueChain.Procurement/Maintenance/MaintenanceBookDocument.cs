namespace ValueChain.Procurement;

/// <summary>
/// A machine's maintenance book as an exchange document, schema version 1 (see <see cref="MaintenanceBookExport"/>):
/// the machine, every entry in order with its hash link, and whether the chain was intact when exported.
/// </summary>
/// <param name="Schema">The schema's identifier, <see cref="MaintenanceBookExport.SchemaId"/>.</param>
/// <param name="SchemaVersion">The schema's version, 1; a reader refuses versions it does not know.</param>
/// <param name="MachineId">The machine.</param>
/// <param name="CompanyId">Its company.</param>
/// <param name="Machine">Its key's address.</param>
/// <param name="Entries">The book, oldest first.</param>
/// <param name="Intact">True when every entry's hash and link checked out at export (<see cref="MaintenanceBookHash.FirstBrokenEntry"/>).</param>
public sealed record MaintenanceBookDocument(string Schema, int SchemaVersion, string MachineId, string CompanyId, Address Machine, IReadOnlyList<MaintenanceEntry> Entries, bool Intact);
