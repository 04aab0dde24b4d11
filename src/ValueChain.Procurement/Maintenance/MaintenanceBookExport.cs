using System.Text.Json;
using System.Text.Json.Serialization;

namespace ValueChain.Procurement;

/// <summary>
/// Exports a maintenance book as versioned JSON (camelCase; times ISO 8601; hashes and addresses 0x-hex; entries in
/// book order) and reads it back, refusing unknown schema versions and books whose hash chain is broken.
/// </summary>
public static class MaintenanceBookExport
{
    /// <summary>The schema's identifier written into every document.</summary>
    public const string SchemaId = "urn:valuechain:procurement:maintenance-book";

    /// <summary>The schema version this package writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The book of <paramref name="machine"/> as an indented JSON document.</summary>
    public static string ToJson(Machine machine, IReadOnlyList<MaintenanceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(entries);
        var document = new MaintenanceBookDocument(SchemaId, SchemaVersion, machine.MachineId, machine.CompanyId, machine.Address, entries, MaintenanceBookHash.FirstBrokenEntry(entries) is null);
        return JsonSerializer.Serialize(document, MaintenanceBookJsonContext.Default.MaintenanceBookDocument);
    }

    /// <summary>Reads a document written by <see cref="ToJson"/> and checks its hash chain.</summary>
    /// <exception cref="ValueChainFormatException">The text is not such a document, names another schema or version, or its chain is broken (the message names the entry).</exception>
    public static MaintenanceBookDocument Parse(string json)
    {
        MaintenanceBookDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, MaintenanceBookJsonContext.Default.MaintenanceBookDocument);
        }
        catch (JsonException e)
        {
            throw new ValueChainFormatException("maintenance book", json, e.Message);
        }

        if (document is null || document.Schema != SchemaId || document.SchemaVersion != SchemaVersion)
        {
            throw new ValueChainFormatException("maintenance book", json, $"not a {SchemaId} document of version {SchemaVersion}");
        }

        return MaintenanceBookHash.FirstBrokenEntry(document.Entries) is { } broken
            ? throw new ValueChainFormatException("maintenance book", json, $"entry {broken} does not match its hash or its link to the previous entry")
            : document;
    }
}

/// <summary>Source-generated JSON of the exported book.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MaintenanceBookDocument))]
internal sealed partial class MaintenanceBookJsonContext : JsonSerializerContext;
