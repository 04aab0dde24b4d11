namespace ValueChain.Ledger.InMemory;

/// <summary>
/// Each chaincode sees its own key namespace, as on Fabric: the stored key is the chaincode name, a
/// NUL separator and the chaincode's key.
/// </summary>
internal static class StateKeys
{
    public static string Stored(string chaincode, string key) => string.Concat(chaincode, "\0", key);

    public static string Local(string chaincode, string storedKey) => storedKey[(chaincode.Length + 1)..];

    /// <summary>The stored range [start, end) of one namespace; an empty end means the namespace's end.</summary>
    public static (string Start, string End) Range(string chaincode, string start, string end) =>
        (Stored(chaincode, start), end.Length == 0 ? string.Concat(chaincode, "\u0001") : Stored(chaincode, end));
}
