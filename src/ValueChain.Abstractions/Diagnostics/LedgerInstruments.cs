using System.Diagnostics;
using System.Diagnostics.Metrics;
using ValueChain.Ledger;

namespace ValueChain.Diagnostics;

/// <summary>
/// The spans and instruments every ledger driver shares (see <see cref="TelemetryNames"/>): a
/// <c>valuechain.submit</c> span and the submitted / committed / failed / refused counters and duration histogram
/// around a submit, a <c>valuechain.evaluate</c> span and the query histogram around a query, and the block height
/// gauge. A driver creates one over its package's <see cref="ActivitySource"/> and <see cref="Meter"/> and wraps its
/// submit and evaluate in it, so that the names and attributes are written once for every driver.
/// </summary>
public sealed class LedgerInstruments
{
    private readonly string _ledgerKind;
    private readonly ActivityKind _spanKind;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _committed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _transactionDuration;
    private readonly Histogram<double> _queryDuration;
    private readonly Gauge<long> _height;

    /// <summary>Creates the instruments on <paramref name="meter"/>; spans start on <paramref name="source"/>.</summary>
    /// <param name="source">The driver package's activity source.</param>
    /// <param name="meter">The driver package's meter.</param>
    /// <param name="ledgerKind">The driver, as <see cref="TelemetryNames.LedgerKind"/> reports it.</param>
    /// <param name="spanKind"><see cref="ActivityKind.Client"/> for a ledger reached over the network, <see cref="ActivityKind.Internal"/> for one in process.</param>
    public LedgerInstruments(ActivitySource source, Meter meter, string ledgerKind, ActivityKind spanKind)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentException.ThrowIfNullOrWhiteSpace(ledgerKind);
        Source = source;
        _ledgerKind = ledgerKind;
        _spanKind = spanKind;
        _submitted = meter.CreateCounter<long>(TelemetryNames.TransactionsSubmitted, "{transaction}", "Transactions submitted.");
        _committed = meter.CreateCounter<long>(TelemetryNames.TransactionsCommitted, "{transaction}", "Transactions committed as succeeded.");
        _failed = meter.CreateCounter<long>(TelemetryNames.TransactionsFailed, "{transaction}", "Transactions that executed and failed, changing nothing.");
        _refused = meter.CreateCounter<long>(TelemetryNames.TransactionsRefused, "{transaction}", "Transactions the ledger refused before executing them.");
        _transactionDuration = meter.CreateHistogram<double>(TelemetryNames.TransactionDuration, "ms", "From submit to commit, failure or refusal.");
        _queryDuration = meter.CreateHistogram<double>(TelemetryNames.QueryDuration, "ms", "How long a query took.");
        _height = meter.CreateGauge<long>(TelemetryNames.LedgerHeight, "{block}", "The number of blocks the ledger holds.");
    }

    /// <summary>The activity source the spans start on; drivers start their own finer spans on it too.</summary>
    public ActivitySource Source { get; }

    /// <summary>Runs a submit that returns a ledger receipt: a failed receipt counts as failed, a <see cref="TransactionRejectedException"/> as refused.</summary>
    public Task<TransactionReceipt> SubmitAsync(string network, ContractInvocation invocation, Func<Task<TransactionReceipt>> submit)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return SubmitAsync(
            new LedgerCall(network, invocation.Chaincode, invocation.Function),
            submit,
            receipt => new TransactionOutcome(receipt.TransactionId, receipt.BlockNumber, receipt.Succeeded ? null : receipt.ErrorCode ?? ErrorCodes.ChaincodeFailed),
            static e => e is TransactionRejectedException);
    }

    /// <summary>
    /// Runs <paramref name="submit"/> in a <c>valuechain.submit</c> span and counts it: submitted, then committed or
    /// failed as <paramref name="outcomeOf"/> says, or, when it throws, refused (as <paramref name="isRefusal"/> says)
    /// or failed. The exception is rethrown unchanged.
    /// </summary>
    public async Task<T> SubmitAsync<T>(LedgerCall call, Func<Task<T>> submit, Func<T, TransactionOutcome> outcomeOf, Func<Exception, bool> isRefusal)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(outcomeOf);
        ArgumentNullException.ThrowIfNull(isRefusal);
        TagList tags = Tags(call);
        using Activity? activity = Start(TelemetryNames.SubmitSpan, call);
        long started = Stopwatch.GetTimestamp();
        _submitted.Add(1, tags);
        try
        {
            T result = await submit().ConfigureAwait(false);
            TransactionOutcome outcome = outcomeOf(result);
            activity?.SetTag(TelemetryNames.TransactionId, outcome.TransactionId.ToString());
            if (outcome.BlockNumber >= 0)
            {
                activity?.SetTag(TelemetryNames.BlockNumber, outcome.BlockNumber);
            }

            if (outcome.Succeeded)
            {
                _committed.Add(1, tags);
                Finish(_transactionDuration, started, tags, "committed", null);
            }
            else
            {
                Fail(activity, outcome.ErrorCode!, $"Transaction {outcome.TransactionId} failed: {outcome.ErrorCode}");
                _failed.Add(1, WithError(tags, outcome.ErrorCode!));
                Finish(_transactionDuration, started, tags, "failed", outcome.ErrorCode);
            }

            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string error = ErrorTypeOf(e);
            bool refused = isRefusal(e);
            Fail(activity, error, e.Message);
            (refused ? _refused : _failed).Add(1, WithError(tags, error));
            Finish(_transactionDuration, started, tags, refused ? "refused" : "failed", error);
            throw;
        }
    }

    /// <summary>
    /// Runs a query in a <c>valuechain.evaluate</c> span and records its duration with its outcome (a
    /// <see cref="TransactionRejectedException"/> is a refusal). The exception is rethrown unchanged.
    /// </summary>
    public async Task<T> EvaluateAsync<T>(LedgerCall call, Func<Task<T>> evaluate)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(evaluate);
        TagList tags = Tags(call);
        using Activity? activity = Start(TelemetryNames.EvaluateSpan, call);
        long started = Stopwatch.GetTimestamp();
        try
        {
            T result = await evaluate().ConfigureAwait(false);
            Finish(_queryDuration, started, tags, "succeeded", null);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            string error = ErrorTypeOf(e);
            Fail(activity, error, e.Message);
            Finish(_queryDuration, started, tags, e is TransactionRejectedException ? "refused" : "failed", error);
            throw;
        }
    }

    /// <summary>Records the ledger's height (blocks held, genesis included) for <paramref name="network"/>.</summary>
    public void RecordHeight(string network, long height) =>
        _height.Record(height, new KeyValuePair<string, object?>(TelemetryNames.LedgerKind, _ledgerKind), new KeyValuePair<string, object?>(TelemetryNames.LedgerNetwork, network));

    /// <summary>Marks <paramref name="activity"/> as failed with <paramref name="errorType"/> (a stable code or an exception type).</summary>
    public static void Fail(Activity? activity, string errorType, string description)
    {
        activity?.SetTag(TelemetryNames.ErrorType, errorType);
        activity?.SetStatus(ActivityStatusCode.Error, description);
    }

    /// <summary>The <see cref="TelemetryNames.ErrorType"/> of an exception: its stable code when it is a <see cref="ValueChainException"/>, else its type.</summary>
    public static string ErrorTypeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is ValueChainException typed ? typed.Code : exception.GetType().FullName ?? exception.GetType().Name;
    }

    private Activity? Start(string name, LedgerCall call)
    {
        Activity? activity = Source.StartActivity(name, _spanKind);
        if (activity is null)
        {
            return null;
        }

        activity.DisplayName = $"{name} {call.Contract}.{call.Function}";
        activity.SetTag(TelemetryNames.LedgerKind, _ledgerKind);
        activity.SetTag(TelemetryNames.LedgerNetwork, call.Network);
        activity.SetTag(TelemetryNames.Contract, call.Contract);
        activity.SetTag(TelemetryNames.Function, call.Function);
        return activity;
    }

    private TagList Tags(LedgerCall call) => new()
    {
        { TelemetryNames.LedgerKind, _ledgerKind },
        { TelemetryNames.LedgerNetwork, call.Network },
        { TelemetryNames.Contract, call.Contract },
        { TelemetryNames.Function, call.Function },
    };

    private static TagList WithError(TagList tags, string error)
    {
        tags.Add(TelemetryNames.ErrorType, error);
        return tags;
    }

    private static void Finish(Histogram<double> histogram, long started, TagList tags, string outcome, string? error)
    {
        tags.Add(TelemetryNames.Outcome, outcome);
        if (error is not null)
        {
            tags.Add(TelemetryNames.ErrorType, error);
        }

        histogram.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
    }
}
