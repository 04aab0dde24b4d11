namespace ValueChain.Ledger.Ethereum;

/// <summary>Function selectors and event topics from canonical signatures such as <c>transfer(address,uint256)</c>.</summary>
public static class AbiSignature
{
    /// <summary>Keccak-256 of the signature: an event's first topic.</summary>
    public static Hash32 Hash(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes(signature));
    }

    /// <summary>The first four bytes of the signature's hash: a function's selector.</summary>
    public static byte[] Selector(string signature) => Hash(signature).ToArray()[..4];

    /// <summary>The canonical signature of a function or event from its name and parameter types.</summary>
    public static string Canonical(string name, IEnumerable<AbiType> parameters) =>
        $"{name}({string.Join(',', parameters)})";
}
