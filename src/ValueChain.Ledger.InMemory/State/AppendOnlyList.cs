namespace ValueChain.Ledger.InMemory;

/// <summary>
/// A list with one writer and any number of lock-free readers: an item is published by bumping the
/// count after it is stored, and readers take the count first, so they never see a half-added item.
/// </summary>
internal sealed class AppendOnlyList<T>
{
    private T[] _items = new T[16];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public T this[int index]
    {
        get
        {
            int count = Volatile.Read(ref _count);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)count, nameof(index));
            return Volatile.Read(ref _items)[index];
        }
    }

    public void Add(T item)
    {
        T[] items = _items;
        if (_count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
            Volatile.Write(ref _items, items);
        }

        items[_count] = item;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>The items published so far, as a stable view.</summary>
    public ArraySegment<T> Snapshot()
    {
        int count = Volatile.Read(ref _count);
        return new ArraySegment<T>(Volatile.Read(ref _items), 0, count);
    }

    /// <summary>Replaces an item in place. Only tests use it, to simulate tampering with stored data.</summary>
    internal void ReplaceForTesting(int index, T item) => _items[index] = item;
}
