namespace ValueChain.Ledger.Ethereum;

/// <summary>The creation bytecode of the applications' contracts, embedded in this package from contracts/artifacts.</summary>
public static class ApplicationBytecode
{
    /// <summary>The creation bytecode of contract <paramref name="name"/> (for example <c>FlexPlatform</c>).</summary>
    /// <exception cref="ArgumentException">No such contract in this package.</exception>
    public static byte[] Of(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using Stream stream = typeof(ApplicationBytecode).Assembly.GetManifestResourceStream($"ValueChain.Contracts.{name}.bin")
            ?? throw new ArgumentException($"This package has no bytecode for the contract '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return ContractArtifact.FromHex(name, reader.ReadToEnd().Trim()).Bytecode();
    }
}
