using System.Diagnostics;
using ValueChain.Conformance.Ledger;
using ValueChain.Diagnostics;
using ValueChain.Testing.Telemetry;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>What OpenTelemetry collects from the embedded ledger, under the names the README documents.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    // Each test's ledger has its own network id, so that what other tests emit meanwhile is told apart.
    private readonly string _network = "telemetry-" + Guid.NewGuid().ToString("N");
    private readonly TelemetryCapture _capture = new(InMemoryLedgerTelemetry.Name);
    private InMemoryLedger _ledger = null!;

    private (string, string) Network => (TelemetryNames.LedgerNetwork, _network);

    public ValueTask InitializeAsync()
    {
        _ledger = TestLedgers.Open(o => o.NetworkId = _network);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _ledger.DisposeAsync();
        _capture.Dispose();
    }

    [Fact]
    public async Task A_submit_is_a_span_with_the_ledger_contract_function_and_transaction_and_counts_as_submitted_and_committed()
    {
        TransactionReceipt receipt = await _ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("k", "v"), TestContext.Current.CancellationToken);

        Activity submit = Assert.Single(_capture.Spans(TelemetryNames.LedgerNetwork, _network), s => s.OperationName == TelemetryNames.SubmitSpan);
        Assert.Equal(InMemoryLedgerTelemetry.Name, submit.Source.Name);
        Assert.Equal("in-memory", submit.GetTagItem(TelemetryNames.LedgerKind));
        Assert.Equal(ConformanceChaincode.ChaincodeName, submit.GetTagItem(TelemetryNames.Contract));
        Assert.Equal("put", submit.GetTagItem(TelemetryNames.Function));
        Assert.Equal(receipt.TransactionId.ToString(), submit.GetTagItem(TelemetryNames.TransactionId));
        Assert.Equal(receipt.BlockNumber, submit.GetTagItem(TelemetryNames.BlockNumber));
        Assert.Equal(ActivityStatusCode.Unset, submit.Status);

        Activity block = Assert.Single(_capture.Spans(TelemetryNames.LedgerNetwork, _network), s => s.OperationName == InMemoryLedgerTelemetry.BlockSpan);
        Assert.Equal(receipt.BlockNumber, block.GetTagItem(TelemetryNames.BlockNumber));
        Assert.Equal(1, block.GetTagItem(TelemetryNames.TransactionCount));

        (string, string)[] put = [Network, (TelemetryNames.Contract, ConformanceChaincode.ChaincodeName), (TelemetryNames.Function, "put"), (TelemetryNames.LedgerKind, "in-memory")];
        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsSubmitted, put));
        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsCommitted, put));
        Assert.Equal(0, _capture.Sum(TelemetryNames.TransactionsFailed, put));
        Assert.Equal(1, _capture.Count(TelemetryNames.TransactionDuration, [.. put, (TelemetryNames.Outcome, "committed")]));
        Assert.Equal("ms", _capture.Unit(TelemetryNames.TransactionDuration));
        Assert.Equal(2, Assert.Single(_capture.Points(TelemetryNames.LedgerHeight, Network)).GetGaugeLastValueLong());
    }

    [Fact]
    public async Task A_query_is_an_evaluate_span_and_a_query_duration()
    {
        await _ledger.SubmitAsync(TestLedgers.Members[1], TestLedgers.Put("k", "v"), TestContext.Current.CancellationToken);

        string? answer = await _ledger.EvaluateAsync(TestLedgers.Members[2], new ContractInvocation(ConformanceChaincode.ChaincodeName, "get", """{"key":"k"}"""), TestContext.Current.CancellationToken);

        Assert.Equal("\"v\"", answer);
        Activity evaluate = Assert.Single(_capture.Spans(TelemetryNames.LedgerNetwork, _network), s => s.OperationName == TelemetryNames.EvaluateSpan);
        Assert.Equal("get", evaluate.GetTagItem(TelemetryNames.Function));
        Assert.Equal(ConformanceChaincode.ChaincodeName, evaluate.GetTagItem(TelemetryNames.Contract));
        Assert.Equal("in-memory", evaluate.GetTagItem(TelemetryNames.LedgerKind));
        Assert.Equal(1, _capture.Count(TelemetryNames.QueryDuration, Network, (TelemetryNames.Function, "get"), (TelemetryNames.Outcome, "succeeded")));
    }

    [Fact]
    public async Task A_refused_transaction_counts_as_refused_with_its_code_and_not_as_committed_or_failed()
    {
        var unknown = new ContractInvocation(ConformanceChaincode.ChaincodeName, "noSuchFunction", "{}");

        var error = await Assert.ThrowsAsync<TransactionRejectedException>(() => _ledger.SubmitAsync(TestLedgers.Members[1], unknown, TestContext.Current.CancellationToken));

        (string, string)[] call = [Network, (TelemetryNames.Function, "noSuchFunction")];
        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsSubmitted, call));
        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsRefused, [.. call, (TelemetryNames.ErrorType, error.Code)]));
        Assert.Equal(0, _capture.Sum(TelemetryNames.TransactionsCommitted, call));
        Assert.Equal(0, _capture.Sum(TelemetryNames.TransactionsFailed, call));
        Assert.Equal(1, _capture.Count(TelemetryNames.TransactionDuration, [.. call, (TelemetryNames.Outcome, "refused")]));
        Activity submit = Assert.Single(_capture.Spans(TelemetryNames.LedgerNetwork, _network), s => s.OperationName == TelemetryNames.SubmitSpan);
        Assert.Equal(ActivityStatusCode.Error, submit.Status);
        Assert.Equal(error.Code, submit.GetTagItem(TelemetryNames.ErrorType));
    }

    [Fact]
    public async Task A_chaincode_failure_counts_as_failed_with_its_code()
    {
        var fail = new ContractInvocation(ConformanceChaincode.ChaincodeName, "fail", """{"key":"k","code":"my_code"}""");

        TransactionReceipt receipt = await _ledger.SubmitAsync(TestLedgers.Members[1], fail, TestContext.Current.CancellationToken);

        Assert.False(receipt.Succeeded);
        Assert.Equal(1, _capture.Sum(TelemetryNames.TransactionsFailed, Network, (TelemetryNames.Function, "fail"), (TelemetryNames.ErrorType, receipt.ErrorCode!)));
        Assert.Equal(0, _capture.Sum(TelemetryNames.TransactionsCommitted, Network, (TelemetryNames.Function, "fail")));
    }
}
