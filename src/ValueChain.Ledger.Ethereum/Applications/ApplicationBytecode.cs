using System.Reflection;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// The creation bytecode of an application's contracts, embedded in the application's Ethereum package
/// (from its Artifacts folder, as the manifest resource <c>ValueChain.Contracts.&lt;Name&gt;.bin</c>; the build for
/// Shanghai from Artifacts/shanghai, as <c>ValueChain.Contracts.shanghai.&lt;Name&gt;.bin</c>).
/// </summary>
public static class ApplicationBytecode
{
    /// <summary>The creation bytecode of contract <paramref name="name"/> (for example <c>FlexPlatform</c>) embedded in <paramref name="package"/>, compiled for Cancun.</summary>
    /// <exception cref="ArgumentException"><paramref name="package"/> embeds no bytecode of that name.</exception>
    public static byte[] Of(Assembly package, string name) => Of(package, name, EvmTarget.Cancun);

    /// <summary>The creation bytecode of contract <paramref name="name"/> embedded in <paramref name="package"/>, compiled for <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="package"/> embeds no bytecode of that name for that EVM version.</exception>
    public static byte[] Of(Assembly package, string name, EvmTarget target)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string resource = target switch
        {
            EvmTarget.Cancun => $"ValueChain.Contracts.{name}.bin",
            EvmTarget.Shanghai => $"ValueChain.Contracts.shanghai.{name}.bin",
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not an EVM version the contracts are built for."),
        };
        using Stream stream = package.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"The package {package.GetName().Name} has no bytecode for the contract '{name}' built for {target}.", nameof(name));
        using var reader = new StreamReader(stream);
        return ContractArtifact.FromHex(name, reader.ReadToEnd().Trim()).Bytecode();
    }
}
