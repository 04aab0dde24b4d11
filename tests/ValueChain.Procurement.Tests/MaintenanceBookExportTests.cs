namespace ValueChain.Procurement.Tests;

public sealed class MaintenanceBookExportTests
{
    private static readonly Address Engineer = Address.Parse("0x00000000000000000000000000000000000000e1");
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", "MILL-1.maintenance-book.json");

    private static (Machine Machine, MaintenanceEntry[] Book) Book()
    {
        var machine = new Machine("MILL-1", Address.Parse("0x00000000000000000000000000000000000000a1"), "acme", [new MaterialSlot("OIL-5L", 4, 1, 6)], TimeSpan.FromDays(90), Engineer, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), null, 2);
        MaintenanceEntry Entry(long sequence, Hash32 previous, string description, InstalledMaterial[] installed)
        {
            var entry = new MaintenanceEntry("MILL-1", sequence, Engineer, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 + sequence * 86_400), sequence == 0 ? "S-1" : null, description, installed, previous, Hash32.Zero);
            return entry with { Hash = MaintenanceBookHash.Compute(entry) };
        }

        MaintenanceEntry first = Entry(0, Hash32.Zero, "Re-lubricated the spindle", [new InstalledMaterial("OIL-5L", 2)]);
        return (machine, [first, Entry(1, first.Hash, "Inspection", [])]);
    }

    [Fact]
    public void The_export_matches_the_golden_file_and_reads_back()
    {
        (Machine machine, MaintenanceEntry[] book) = Book();

        string json = MaintenanceBookExport.ToJson(machine, book);

        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n").TrimEnd(), json.ReplaceLineEndings("\n"));
        MaintenanceBookDocument read = MaintenanceBookExport.Parse(json);
        Assert.Equal((MaintenanceBookExport.SchemaVersion, "MILL-1", true), (read.SchemaVersion, read.MachineId, read.Intact));
        Assert.Equal(book, read.Entries.Select(e => e with { Installed = [.. e.Installed] }), new EntryComparer());
    }

    [Fact]
    public void A_tampered_book_or_an_unknown_version_is_refused()
    {
        (Machine machine, MaintenanceEntry[] book) = Book();
        string json = MaintenanceBookExport.ToJson(machine, book);

        Assert.Contains("entry 0", Assert.Throws<ValueChainFormatException>(() => MaintenanceBookExport.Parse(json.Replace("Re-lubricated", "Replaced", StringComparison.Ordinal))).Message, StringComparison.Ordinal);
        Assert.Throws<ValueChainFormatException>(() => MaintenanceBookExport.Parse(json.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal)));
        Assert.Throws<ValueChainFormatException>(() => MaintenanceBookExport.Parse("{"));
    }

    private sealed class EntryComparer : IEqualityComparer<MaintenanceEntry>
    {
        public bool Equals(MaintenanceEntry? x, MaintenanceEntry? y) => x is not null && y is not null && x.Hash == y.Hash && MaintenanceBookHash.Compute(y) == y.Hash && x.Installed.SequenceEqual(y.Installed);

        public int GetHashCode(MaintenanceEntry obj) => obj.Hash.GetHashCode();
    }
}
