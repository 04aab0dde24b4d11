using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ValueChain.Ledger.Ethereum;

/// <summary>
/// A JSON-RPC 2.0 client over HTTP for Ethereum nodes: single calls and batches, the node's errors as
/// <see cref="JsonRpcException"/>, transport faults as <see cref="NodeUnavailableException"/>, a timeout on
/// every request, and retries for transport faults only, never for methods that change state on the node.
/// The <see cref="HttpClient"/> is given (from <c>IHttpClientFactory</c> in a host) and never disposed here.
/// Concurrent <c>eth_call</c>s are coalesced into batches (see <see cref="JsonRpcOptions.CoalesceCalls"/>).
/// </summary>
public sealed class JsonRpcClient
{
    // Calls per coalesced batch, and coalesced batches on their way at once: 1000 concurrent view calls go out as about
    // ten requests over four connections, instead of a thousand requests that open as many connections to the node.
    private const int MaxCoalesced = 100;
    private const int CoalescedInFlight = 4;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly JsonRpcOptions _options;
    private readonly ConcurrentQueue<CoalescedCall> _coalesced = new();
    private readonly List<Task> _coalescedInFlight = [];
    private int _coalescing;
    private long _nextId;

    /// <summary>Creates a client for <see cref="JsonRpcOptions.Endpoint"/>.</summary>
    /// <exception cref="ConfigurationException">The options have no endpoint or a negative timeout or retry count.</exception>
    public JsonRpcClient(HttpClient http, JsonRpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null || options.RequestTimeout <= TimeSpan.Zero || options.TransportRetries < 0)
        {
            throw new ConfigurationException("JsonRpcOptions needs an Endpoint, a positive RequestTimeout and TransportRetries of 0 or more.");
        }

        _http = http;
        _options = options;
    }

    /// <summary>Whether a method only reads, so resending it after a transport fault cannot do anything twice.</summary>
    public static bool IsSafeToRetry(string method) =>
        method is not ("eth_sendRawTransaction" or "eth_sendTransaction") && !method.StartsWith("anvil_", StringComparison.Ordinal)
        && !method.StartsWith("evm_", StringComparison.Ordinal);

    /// <summary>Calls one method and returns its result.</summary>
    /// <exception cref="JsonRpcException">The node answered with an error.</exception>
    /// <exception cref="NodeUnavailableException">The node was unreachable, timed out or did not speak JSON-RPC.</exception>
    public async Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        if (!_options.CoalesceCalls || method != "eth_call")
        {
            IReadOnlyList<JsonRpcResult> results = await BatchAsync([new JsonRpcRequest(method, parameters)], cancellationToken).ConfigureAwait(false);
            return results[0].GetResult();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var call = new CoalescedCall(new JsonRpcRequest(method, parameters), cancellationToken);
        _coalesced.Enqueue(call);
        if (Interlocked.CompareExchange(ref _coalescing, 1, 0) == 0)
        {
            // This caller starts the sending of what is queued, in its own context (a lone call's span stays its caller's
            // child), after letting the callers that run beside it queue theirs; it waits only for its own answer.
            await Task.Yield();
            _ = SendCoalescedAsync();
        }

        return (await call.Completion.Task.ConfigureAwait(false)).GetResult();
    }

    /// <summary>
    /// Sends several requests in one HTTP round trip. The answers come back in request order; a request
    /// the node refused has its <see cref="JsonRpcResult.Error"/> set without failing the others.
    /// </summary>
    public async Task<IReadOnlyList<JsonRpcResult>> BatchAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfZero(requests.Count);
        long firstId = Interlocked.Add(ref _nextId, requests.Count) - requests.Count + 1;
        byte[] body = WriteBody(requests, firstId);
        string methods = string.Join(", ", requests.Select(r => r.Method).Distinct());
        bool retryable = requests.All(r => IsSafeToRetry(r.Method));

        using Activity? span = EthereumTelemetry.Ledger.Source.StartActivity(EthereumTelemetry.RpcBatchSpan, ActivityKind.Client);
        span?.SetTag("rpc.system", "jsonrpc");
        span?.SetTag(EthereumTelemetry.RpcMethod, methods);
        span?.SetTag(EthereumTelemetry.RpcBatchSize, requests.Count);
        span?.SetTag("server.address", _options.Endpoint!.Host);
        span?.SetTag("server.port", _options.Endpoint!.Port);
        long started = Stopwatch.GetTimestamp();
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    using JsonDocument answer = await PostAsync(body, methods, cancellationToken).ConfigureAwait(false);
                    return ReadAnswers(answer.RootElement, requests, firstId, methods);
                }
                catch (NodeUnavailableException) when (retryable && attempt < _options.TransportRetries)
                {
                    await Task.Delay(_options.RetryDelay * (1 << attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ValueChain.Diagnostics.LedgerInstruments.Fail(span, ValueChain.Diagnostics.LedgerInstruments.ErrorTypeOf(e), e.Message);
            throw;
        }
        finally
        {
            EthereumTelemetry.Rpc.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>(EthereumTelemetry.RpcMethod, requests.Count == 1 ? requests[0].Method : "batch"));
        }
    }

    // Drains the queue in batches of up to MaxCoalesced while a slot is free; calls queued while every slot is busy
    // wait for the next batch, so that batches grow with the load. The flag is cleared before the final emptiness check,
    // so a call queued meanwhile is either seen here or makes its caller the next leader.
    private async Task SendCoalescedAsync()
    {
        while (true)
        {
            Task[] busy;
            lock (_coalescedInFlight)
            {
                _coalescedInFlight.RemoveAll(t => t.IsCompleted);
                busy = _coalescedInFlight.Count >= CoalescedInFlight ? [.. _coalescedInFlight] : [];
            }

            if (busy.Length > 0)
            {
                await Task.WhenAny(busy).ConfigureAwait(false);
                continue;
            }

            var batch = new List<CoalescedCall>(Math.Min(MaxCoalesced, _coalesced.Count + 1));
            while (batch.Count < MaxCoalesced && _coalesced.TryDequeue(out CoalescedCall? call))
            {
                if (!call.Completion.Task.IsCompleted)
                {
                    batch.Add(call);
                }
            }

            if (batch.Count > 0)
            {
                Task answering = AnswerAsync(batch);
                lock (_coalescedInFlight)
                {
                    _coalescedInFlight.Add(answering);
                }

                continue;
            }

            Volatile.Write(ref _coalescing, 0);
            if (_coalesced.IsEmpty || Interlocked.CompareExchange(ref _coalescing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    // One coalesced batch: each caller gets its own answer, or the batch's fault.
    private async Task AnswerAsync(List<CoalescedCall> batch)
    {
        try
        {
            IReadOnlyList<JsonRpcResult> results = await BatchAsync([.. batch.Select(c => c.Request)], CancellationToken.None).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception error) // every caller must hear of it, whatever it was
        {
            batch.ForEach(c => c.Completion.TrySetException(error));
        }
    }

    private async Task<JsonDocument> PostAsync(byte[] body, string methods, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using HttpResponseMessage response = await _http.PostAsync(_options.Endpoint, content, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                throw new NodeUnavailableException(methods, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using Stream stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, default, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeUnavailableException(methods, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException exception)
        {
            throw new NodeUnavailableException(methods, exception.Message, exception);
        }
        catch (JsonException exception)
        {
            throw new NodeUnavailableException(methods, "the answer is not JSON", exception);
        }
    }

    private static List<JsonRpcResult> ReadAnswers(JsonElement root, IReadOnlyList<JsonRpcRequest> requests, long firstId, string methods)
    {
        var results = new JsonRpcResult?[requests.Count];
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out JsonElement batchError)
            && (!root.TryGetProperty("id", out JsonElement batchId) || batchId.ValueKind == JsonValueKind.Null))
        {
            // A batch-level error (for example a parse error) has no id and applies to every request.
            JsonRpcException error = JsonRpcException.FromError(methods, batchError);
            return [.. requests.Select(_ => new JsonRpcResult(null, error))];
        }

        IEnumerable<JsonElement> answers = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];
        foreach (JsonElement answer in answers)
        {
            long index = answer.TryGetProperty("id", out JsonElement id) && id.TryGetInt64(out long value) ? value - firstId : -1;
            if (index < 0 || index >= requests.Count)
            {
                throw new NodeUnavailableException(methods, "an answer carries an id that was not asked for");
            }

            // Nodes may answer a batch in any order: match by id.
            results[index] = answer.TryGetProperty("error", out JsonElement error)
                ? new JsonRpcResult(null, JsonRpcException.FromError(requests[(int)index].Method, error))
                : new JsonRpcResult(answer.GetProperty("result").Clone(), null);
        }

        return results.All(r => r is not null) ? [.. results.Select(r => r!)] : throw new NodeUnavailableException(methods, "some requests of the batch were not answered");
    }

    private static byte[] WriteBody(IReadOnlyList<JsonRpcRequest> requests, long firstId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (int i = 0; i < requests.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", firstId + i);
                writer.WriteString("method", requests[i].Method);
                writer.WritePropertyName("params");
                WriteValue(writer, requests[i].Parameters);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    // Ethereum parameters are hex strings, booleans, objects (call and filter objects) and arrays.
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int or long: writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach ((string key, object? item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (object? item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"A JSON-RPC parameter of type {value.GetType().Name} is not supported; pass strings, booleans, numbers, dictionaries or lists.", nameof(value));
        }
    }

    private sealed class CoalescedCall
    {
        public CoalescedCall(JsonRpcRequest request, CancellationToken cancellationToken)
        {
            Request = request;
            // A caller that gives up leaves the queue, or stops waiting for the batch it went out in.
            if (cancellationToken.CanBeCanceled)
            {
                cancellationToken.Register(() => Completion.TrySetCanceled(cancellationToken));
            }
        }

        public JsonRpcRequest Request { get; }

        public TaskCompletionSource<JsonRpcResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
