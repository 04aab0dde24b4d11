namespace ValueChain;

/// <summary>
/// A transaction identifier: the 32-byte hash of the transaction on the embedded ledger and on
/// Ethereum, the SHA-256 transaction id on Fabric.
/// </summary>
/// <param name="Hash">The 32 bytes of the identifier.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.TxIdJsonConverter))]
public readonly record struct TxId(Hash32 Hash)
{
    /// <summary>Parses 64 hex digits, with or without <c>0x</c>.</summary>
    /// <exception cref="ValueChainFormatException">Not 32 bytes of hex.</exception>
    public static TxId Parse(string hex)
    {
        try
        {
            return new TxId(Hash32.Parse(hex));
        }
        catch (ValueChainFormatException e)
        {
            throw new ValueChainFormatException("transaction id", hex, e.Message);
        }
    }

    /// <summary>0x-prefixed lower-case hex.</summary>
    public override string ToString() => Hash.ToString();
}
