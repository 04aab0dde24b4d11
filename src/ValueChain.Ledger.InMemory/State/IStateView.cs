namespace ValueChain.Ledger.InMemory;

/// <summary>Read access to a world state: a committed snapshot or the block being built.</summary>
internal interface IStateView
{
    byte[]? Get(string key);

    IEnumerable<string> KeysInRange(string start, string end);
}
