using ValueChain.Ledger;

namespace ValueChain.Chaincode;

/// <summary>
/// The state keys of one building block: every key starts with the prefix the using chaincode gave, as a
/// whole first part of a <see cref="ChaincodeState"/> composite key, so that two blocks with different
/// prefixes in one chaincode never share a key and a block's range scans never reach into another's.
/// </summary>
internal sealed class BlockKeys
{
    private readonly string _prefix;

    public BlockKeys(string prefix, string what)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length is 0 or > 64 || prefix.Any(char.IsControl))
        {
            throw new ArgumentException($"The {what}'s key prefix '{prefix}' must be 1 to 64 printable characters.", nameof(prefix));
        }

        _prefix = prefix;
    }

    public string Prefix => _prefix;

    public string Key(params string[] parts) => ChaincodeState.Key([_prefix, .. parts]);

    public (string Start, string End) Range(params string[] parts) => ChaincodeState.Prefix([_prefix, .. parts]);
}
