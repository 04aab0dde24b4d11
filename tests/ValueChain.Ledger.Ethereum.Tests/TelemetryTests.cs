using System.Diagnostics;
using ValueChain.Cryptography;
using ValueChain.Diagnostics;
using ValueChain.Ledger.Ethereum.Tests.Contracts;
using ValueChain.Testing;
using ValueChain.Testing.Telemetry;

namespace ValueChain.Ledger.Ethereum.Tests;

/// <summary>What OpenTelemetry collects from the Ethereum driver on anvil, under the names the README documents.</summary>
public sealed class TelemetryTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly string Chain = AnvilNode.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly HttpClient _http = new();
    private readonly TelemetryCapture _capture = new(EthereumTelemetry.Name);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _capture.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task A_submit_and_a_query_are_spans_with_the_contract_function_and_transaction_and_are_counted()
    {
        EthereumClient client = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(client, 7);

        TransactionReceipt receipt = await probe.IncrementAsync(Cancel);
        UInt256 counter = await probe.CounterAsync(Cancel);

        Assert.Equal(new UInt256(8), counter);
        string hash = receipt.TransactionHash.ToString();
        Activity submit = Assert.Single(_capture.Spans(TelemetryNames.TransactionId, hash), s => s.OperationName == TelemetryNames.SubmitSpan);
        Assert.Equal(EthereumTelemetry.Name, submit.Source.Name);
        Assert.Equal(ActivityKind.Client, submit.Kind);
        Assert.Equal("ethereum", submit.GetTagItem(TelemetryNames.LedgerKind));
        Assert.Equal(Chain, submit.GetTagItem(TelemetryNames.LedgerNetwork));
        Assert.Equal(nameof(BindingsProbe), submit.GetTagItem(TelemetryNames.Contract));
        Assert.Equal("increment", submit.GetTagItem(TelemetryNames.Function));
        Assert.Equal((long)receipt.BlockNumber, submit.GetTagItem(TelemetryNames.BlockNumber));

        // The submit's JSON-RPC round trips are its children.
        IReadOnlyList<Activity> rpc = _capture.Spans(EthereumTelemetry.RpcMethod, "eth_sendRawTransaction");
        Assert.Contains(rpc, r => r.RootId == submit.RootId && r.Kind == ActivityKind.Client && (int?)r.GetTagItem(EthereumTelemetry.RpcBatchSize) == 1);

        Activity query = Assert.Single(_capture.Spans(TelemetryNames.Function, "counter"), s => s.OperationName == TelemetryNames.EvaluateSpan && s.StartTimeUtc >= submit.StartTimeUtc);
        Assert.Equal(nameof(BindingsProbe), query.GetTagItem(TelemetryNames.Contract));

        (string, string)[] increment = [(TelemetryNames.LedgerNetwork, Chain), (TelemetryNames.Contract, nameof(BindingsProbe)), (TelemetryNames.Function, "increment")];
        Assert.True(_capture.Sum(TelemetryNames.TransactionsSubmitted, increment) >= 1);
        Assert.True(_capture.Sum(TelemetryNames.TransactionsCommitted, increment) >= 1);
        Assert.True(_capture.Count(TelemetryNames.TransactionDuration, [.. increment, (TelemetryNames.Outcome, "committed")]) >= 1);
        Assert.True(_capture.Count(TelemetryNames.QueryDuration, (TelemetryNames.Function, "counter"), (TelemetryNames.Outcome, "succeeded")) >= 1);
        MetricPointsHaveGas(receipt.GasUsed);
        Assert.NotEmpty(_capture.Points(EthereumTelemetry.PendingSends, (TelemetryNames.LedgerNetwork, Chain)));
        Assert.Equal("{transaction}", _capture.Unit(EthereumTelemetry.PendingSends));
        Assert.True(_capture.Count(EthereumTelemetry.RpcDuration, (EthereumTelemetry.RpcMethod, "eth_call")) >= 1);
    }

    [Fact]
    public async Task A_send_the_node_refuses_counts_as_refused_and_a_revert_as_failed()
    {
        EthereumClient funded = await AnvilClients.FundedClientAsync(anvil, _http);
        BindingsProbe probe = await ProbeSetup.DeployProbeAsync(funded);
        var rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = anvil.Endpoint });
        using var pauper = new TransactionSender(rpc, new EthereumSigner(PrivateKey.Generate()), new TransactionSenderOptions { ChainId = AnvilNode.ChainId });
        var unfunded = new EthereumClient(rpc, pauper, AnvilClients.Options());
        string contract = "Refused-" + Guid.NewGuid().ToString("N");

        // A fixed gas limit skips the estimate, so the node itself refuses the send (the account cannot pay for gas).
        await Assert.ThrowsAsync<JsonRpcException>(() => unfunded.SendAsync(new ContractCall(probe.Address, BindingsProbe.EncodeIncrementCall(), contract, "increment"), gasLimit: 100_000, cancellationToken: Cancel));
        await Assert.ThrowsAnyAsync<ContractRevertedException>(() => funded.SendAsync(new ContractCall(probe.Address, BindingsProbe.EncodeFailWithReasonCall("no"), contract, "failWithReason"), cancellationToken: Cancel));

        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsRefused, (TelemetryNames.Contract, contract), (TelemetryNames.Function, "increment"), (TelemetryNames.ErrorType, ErrorCodes.NodeError)));
        Assert.Equal(0, _capture.Sum(TelemetryNames.TransactionsCommitted, (TelemetryNames.Contract, contract)));
        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsFailed, (TelemetryNames.Contract, contract), (TelemetryNames.Function, "failWithReason")));
        Assert.Equal(2, _capture.Sum(TelemetryNames.TransactionsSubmitted, (TelemetryNames.Contract, contract)));
        Activity refused = Assert.Single(_capture.Spans(TelemetryNames.Contract, contract), s => (string?)s.GetTagItem(TelemetryNames.Function) == "increment");
        Assert.Equal(ActivityStatusCode.Error, refused.Status);
    }

    private void MetricPointsHaveGas(ulong gasUsed)
    {
        IReadOnlyList<OpenTelemetry.Metrics.MetricPoint> gas = _capture.Points(EthereumTelemetry.GasUsed, (TelemetryNames.LedgerNetwork, Chain));
        Assert.NotEmpty(gas);
        Assert.True(gas.Sum(p => p.GetHistogramSum()) >= gasUsed);
        Assert.Equal("{gas}", _capture.Unit(EthereumTelemetry.GasUsed));
    }
}
