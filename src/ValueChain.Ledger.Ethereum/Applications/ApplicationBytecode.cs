using System.Reflection;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The creation bytecode of an application's contracts, embedded in the application's Ethereum package
/// (from its Artifacts folder, as the manifest resource <c>ValueChain.Contracts.&lt;Name&gt;.bin</c>).
/// </summary>
public static class ApplicationBytecode
{
    /// <summary>The creation bytecode of contract <paramref name="name"/> (for example <c>FlexPlatform</c>) embedded in <paramref name="package"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="package"/> embeds no bytecode of that name.</exception>
    public static byte[] Of(Assembly package, string name)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using Stream stream = package.GetManifestResourceStream($"ValueChain.Contracts.{name}.bin")
            ?? throw new ArgumentException($"The package {package.GetName().Name} has no bytecode for the contract '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return ContractArtifact.FromHex(name, reader.ReadToEnd().Trim()).Bytecode();
    }
}
