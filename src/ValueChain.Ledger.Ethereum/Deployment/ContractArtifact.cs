using System.Text;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A compiled contract as the repository's Solidity build writes it: <c>&lt;Name&gt;.bin</c> (creation
/// bytecode in hex) next to <c>&lt;Name&gt;.abi.json</c>. Library references left by solc as
/// <c>__$&lt;34 hex&gt;$__</c> placeholders are filled in by <see cref="Link"/>.
/// </summary>
public sealed class ContractArtifact
{
    private const int PlaceholderLength = 40;

    private ContractArtifact(string name, string bytecodeHex) => (Name, _bytecodeHex) = (name, bytecodeHex);

    private readonly string _bytecodeHex;

    /// <summary>The contract's name.</summary>
    public string Name { get; }

    /// <summary>Whether library placeholders remain to be linked.</summary>
    public bool NeedsLinking => _bytecodeHex.Contains("__$", StringComparison.Ordinal);

    /// <summary>Reads <c>&lt;name&gt;.bin</c> from <paramref name="directory"/>.</summary>
    /// <exception cref="ValueChainFormatException">The file is missing or not hex bytecode.</exception>
    public static ContractArtifact Load(string directory, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string path = Path.Combine(directory, name + ".bin");
        if (!File.Exists(path))
        {
            throw new ValueChainFormatException(nameof(name), name, $"no artefact {path}; build the contracts (node contracts/build.mjs) or check the name");
        }

        return FromHex(name, File.ReadAllText(path).Trim());
    }

    /// <summary>An artefact from creation bytecode in hex (with or without 0x; may hold link placeholders).</summary>
    public static ContractArtifact FromHex(string name, string bytecodeHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bytecodeHex);
        string hex = bytecodeHex.StartsWith("0x", StringComparison.Ordinal) ? bytecodeHex[2..] : bytecodeHex;
        // Hex outside the placeholders is checked now, so that a damaged file fails here, not at deployment.
        _ = Hex.Decode(ReplacePlaceholders(hex, _ => new string('0', PlaceholderLength)), name);
        return new ContractArtifact(name, hex);
    }

    /// <summary>
    /// Fills the placeholder of the library <paramref name="qualifiedName"/> (<c>src/Lib.sol:Lib</c>, as solc
    /// names it) with <paramref name="address"/>.
    /// </summary>
    public ContractArtifact Link(string qualifiedName, Address address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(qualifiedName);
        string placeholder = "__$" + Keccak256.Hash(Encoding.UTF8.GetBytes(qualifiedName)).ToString()[2..36] + "$__";
        if (!_bytecodeHex.Contains(placeholder, StringComparison.Ordinal))
        {
            throw new ValueChainFormatException(nameof(qualifiedName), qualifiedName, $"{Name} does not reference this library");
        }

        return new ContractArtifact(Name, _bytecodeHex.Replace(placeholder, address.ToLowerHex()[2..], StringComparison.Ordinal));
    }

    /// <summary>The creation bytecode.</summary>
    /// <exception cref="ValueChainFormatException">Library placeholders are not linked yet.</exception>
    public byte[] Bytecode() => NeedsLinking
        ? throw new ValueChainFormatException(Name, "", "the bytecode references libraries that are not linked; call Link for each")
        : Hex.Decode(_bytecodeHex, Name);

    private static string ReplacePlaceholders(string hex, Func<string, string> replacement)
    {
        var result = new StringBuilder(hex.Length);
        int position = 0;
        while (true)
        {
            int start = hex.IndexOf("__$", position, StringComparison.Ordinal);
            if (start < 0 || start + PlaceholderLength > hex.Length)
            {
                return result.Append(hex, position, hex.Length - position).ToString();
            }

            result.Append(hex, position, start - position).Append(replacement(hex.Substring(start, PlaceholderLength)));
            position = start + PlaceholderLength;
        }
    }
}
