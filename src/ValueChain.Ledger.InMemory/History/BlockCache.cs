namespace ValueChain.Ledger.InMemory;

/// <summary>A bounded, least-recently-used cache of decoded blocks: the recent ones, and whatever readers asked for last.</summary>
internal sealed class BlockCache(int capacity)
{
    private readonly Dictionary<long, LinkedListNode<LedgerBlock>> _byNumber = [];
    private readonly LinkedList<LedgerBlock> _order = new();
    private readonly Lock _lock = new();

    public bool TryGet(long number, out LedgerBlock block)
    {
        lock (_lock)
        {
            if (_byNumber.TryGetValue(number, out LinkedListNode<LedgerBlock>? node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                block = node.Value;
                return true;
            }
        }

        block = null!;
        return false;
    }

    public void Add(LedgerBlock block)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_byNumber.ContainsKey(block.Number))
            {
                return;
            }

            _byNumber[block.Number] = _order.AddFirst(block);
            if (_byNumber.Count > capacity)
            {
                LinkedListNode<LedgerBlock> oldest = _order.Last!;
                _order.RemoveLast();
                _byNumber.Remove(oldest.Value.Number);
            }
        }
    }
}
