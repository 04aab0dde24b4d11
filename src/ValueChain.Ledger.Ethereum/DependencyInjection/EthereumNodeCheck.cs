using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// Fails the host's start when the configured node is unreachable or serves another chain, so that a
/// wrong RPC URL or chain id shows at start-up, not at the first transaction.
/// </summary>
internal sealed class EthereumNodeCheck(EthereumClient client, IOptions<EthereumOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CheckNodeAtStart ? client.CheckChainAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
