using System.Text;

namespace ValueChain.Procurement.Tests;

public sealed class MaintenanceBookHashTests
{
    private static readonly Address Engineer = Address.Parse("0x00000000000000000000000000000000000000e1");

    private static MaintenanceEntry Entry(long sequence, Hash32 previous, string description = "Oil change")
    {
        var entry = new MaintenanceEntry("M-1", sequence, Engineer, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), "S-1", description, [new InstalledMaterial("OIL-5L", 2)], previous, Hash32.Zero);
        return entry with { Hash = MaintenanceBookHash.Compute(entry) };
    }

    [Fact]
    public void The_hash_is_keccak_of_the_abi_words_of_the_entry()
    {
        MaintenanceEntry entry = Entry(0, Hash32.Zero);
        byte[] words = new byte[32 * 8];
        static byte[] Word(ulong v) { byte[] w = new byte[32]; System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(w.AsSpan(24), v); return w; }
        static byte[] Text(string s) => Keccak256.Hash(Encoding.UTF8.GetBytes(s)).ToArray();
        byte[] engineer = new byte[32];
        Engineer.ToArray().CopyTo(engineer, 12);
        byte[][] parts = [new byte[32], Word(0), Text("M-1"), engineer, Word(1_800_000_000), Text("S-1"), Text("Oil change"), Keccak256.Hash([.. Text("OIL-5L"), .. Word(2)]).ToArray()];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i].CopyTo(words, 32 * i);
        }

        Assert.Equal(Keccak256.Hash(words), entry.Hash);
    }

    [Fact]
    public void A_book_with_a_changed_or_reordered_or_unlinked_entry_is_found_broken()
    {
        MaintenanceEntry first = Entry(0, Hash32.Zero);
        MaintenanceEntry second = Entry(1, first.Hash, "Inspection");

        Assert.Null(MaintenanceBookHash.FirstBrokenEntry([first, second]));
        Assert.Equal(0, MaintenanceBookHash.FirstBrokenEntry([first with { Description = "Nothing" }, second]));
        Assert.Equal(0, MaintenanceBookHash.FirstBrokenEntry([second, first]));
        Assert.Equal(1, MaintenanceBookHash.FirstBrokenEntry([first, Entry(1, Hash32.Zero, "Inspection")]));
        Assert.Equal(1, MaintenanceBookHash.FirstBrokenEntry([first, second with { Installed = [new InstalledMaterial("OIL-5L", 3)] }]));
    }
}
