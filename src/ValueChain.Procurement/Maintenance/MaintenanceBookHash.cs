using System.Text;

namespace ValueChain.Procurement;

/// <summary>
/// The hash that links maintenance-book entries, defined as 32-byte words so that Solidity's
/// <c>keccak256(abi.encode(...))</c> computes the same: Keccak-256 of previous hash, sequence,
/// keccak(machine id), engineer, recorded-at in Unix seconds, keccak(service id or ""), keccak(description)
/// and keccak of the installed materials (each keccak(material number) then quantity).
/// </summary>
public static class MaintenanceBookHash
{
    /// <summary>The hash of <paramref name="entry"/> from its fields (its own <see cref="MaintenanceEntry.Hash"/> is ignored).</summary>
    public static Hash32 Compute(MaintenanceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] installed = new byte[64 * entry.Installed.Count];
        for (int i = 0; i < entry.Installed.Count; i++)
        {
            TextHash(entry.Installed[i].MaterialNumber).WriteTo(installed.AsSpan(64 * i, 32));
            Word(installed.AsSpan(64 * i + 32, 32), (ulong)entry.Installed[i].Quantity);
        }

        byte[] words = new byte[32 * 8];
        entry.PreviousHash.WriteTo(words.AsSpan(0, 32));
        Word(words.AsSpan(32, 32), (ulong)entry.Sequence);
        TextHash(entry.MachineId).WriteTo(words.AsSpan(64, 32));
        entry.Engineer.WriteTo(words.AsSpan(96 + 12, 20));
        Word(words.AsSpan(128, 32), (ulong)entry.RecordedAt.ToUnixTimeSeconds());
        TextHash(entry.ServiceId ?? "").WriteTo(words.AsSpan(160, 32));
        TextHash(entry.Description).WriteTo(words.AsSpan(192, 32));
        Keccak256.Hash(installed).WriteTo(words.AsSpan(224, 32));
        return Keccak256.Hash(words);
    }

    /// <summary>
    /// Checks a whole book: sequences 0, 1, 2 …, each entry's previous hash the one before's (zero first), each
    /// hash what <see cref="Compute"/> gives. Returns the first broken sequence number, or null when intact.
    /// </summary>
    public static long? FirstBrokenEntry(IReadOnlyList<MaintenanceEntry> book)
    {
        ArgumentNullException.ThrowIfNull(book);
        Hash32 previous = Hash32.Zero;
        for (int i = 0; i < book.Count; i++)
        {
            MaintenanceEntry entry = book[i];
            if (entry.Sequence != i || entry.PreviousHash != previous || entry.Hash != Compute(entry))
            {
                return i;
            }

            previous = entry.Hash;
        }

        return null;
    }

    private static Hash32 TextHash(string text) => Keccak256.Hash(Encoding.UTF8.GetBytes(text));

    private static void Word(Span<byte> word, ulong value) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word[24..], value);
}
