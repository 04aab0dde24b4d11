using Microsoft.Extensions.DependencyInjection;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Deploy-or-bind, written once for every application's Ethereum DI: with a manifest path the application's
/// contracts are deployed by the host's signer (<c>UseEthereum</c>'s <see cref="EthereumClient"/>) through a
/// <see cref="ContractDeployer"/> over that manifest, which reuses what it already records (so a second start binds
/// to the first start's contracts); without one they are bound to the addresses the options give.
/// </summary>
public static class ApplicationDeployment
{
    /// <summary>
    /// The application's contracts: <paramref name="deploy"/> through a deployer over <paramref name="manifestPath"/> when
    /// it is set, <paramref name="bind"/> otherwise. Blocks until done, for DI factories, which are synchronous.
    /// </summary>
    public static T DeployOrBind<T>(IServiceProvider provider, string? manifestPath, Func<T> bind, Func<EthereumClient, ContractDeployer, Task<T>> deploy)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(deploy);
        if (manifestPath is null)
        {
            return bind();
        }

        EthereumClient client = provider.GetRequiredService<EthereumClient>();
        using var deployer = new ContractDeployer(client, manifestPath, client.Options.ChainId);
        return deploy(client, deployer).GetAwaiter().GetResult();
    }
}
