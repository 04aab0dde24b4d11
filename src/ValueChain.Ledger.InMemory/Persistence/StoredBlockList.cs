using Microsoft.Win32.SafeHandles;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The blocks of a block file as a read-only list that holds only where each record lies: a block is
/// read and decoded when asked for, and enumeration streams the file in order.
/// </summary>
internal sealed class StoredBlockList : IReadOnlyList<LedgerBlock>
{
    private readonly string _path;
    private readonly List<(long Offset, int Length)> _records;

    public StoredBlockList(string path)
    {
        _path = path;
        _records = BlockFile.ScanFile(path).Select(r => (r.Offset, r.Length)).ToList();
    }

    public int Count => _records.Count;

    public LedgerBlock this[int index]
    {
        get
        {
            (long offset, int length) = _records[index];
            using SafeFileHandle handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            byte[] payload = BlockFile.TryRead(handle, offset, length) ?? throw new LedgerCorruptedException(index, $"its record at byte {offset} of {_path} no longer checks");
            return BlockQueries.Decode(payload, index);
        }
    }

    public IEnumerator<LedgerBlock> GetEnumerator() =>
        BlockFile.ScanFile(_path).Take(_records.Count).Select(r => BlockQueries.Decode(r.Payload, r.Index)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
