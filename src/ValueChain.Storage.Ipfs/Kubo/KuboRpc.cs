using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ValueChain.Storage.Ipfs.Kubo;

/// <summary>
/// Kubo's RPC transport: every command is a POST to <c>/api/v0/{command}</c> with its arguments in
/// the query; a refusal is an HTTP error whose body is <c>{"Message":…,"Code":…,"Type":"error"}</c>,
/// raised as <see cref="KuboException"/> with Kubo's words.
/// </summary>
internal sealed class KuboRpc(HttpClient http)
{
    /// <summary>The most a single block may be (2 MiB, what IPFS nodes exchange), so that a node cannot make a read unbounded.</summary>
    internal const int MaxBlock = 2 * 1024 * 1024;

    internal Uri? BaseAddress => http.BaseAddress;

    /// <summary>Sends <paramref name="command"/>; the caller owns (and disposes) the successful response.</summary>
    internal async Task<HttpResponseMessage> SendAsync(string command, IEnumerable<KeyValuePair<string, string>> arguments, HttpContent? body, CancellationToken cancellationToken)
    {
        string query = string.Join('&', arguments.Select(a => $"{Uri.EscapeDataString(a.Key)}={Uri.EscapeDataString(a.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v0/{command}{(query.Length > 0 ? "?" + query : string.Empty)}") { Content = body };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new KuboException(ErrorCodes.NodeUnavailable, command, $"the node at {http.BaseAddress} could not be reached ({e.Message})", innerException: e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            KuboError? error = TryParse(text, KuboJsonContext.Default.KuboError);
            throw new KuboException(ErrorCodes.NodeError, command, error?.Message ?? (text.Length > 0 ? text.Trim() : response.ReasonPhrase ?? "no message"),
                error?.Code, (int)response.StatusCode);
        }
    }

    internal async Task<T> JsonAsync<T>(string command, IEnumerable<KeyValuePair<string, string>> arguments, HttpContent? body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(command, arguments, body, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return TryParse(text, type) ?? throw Unexpected(command, text);
    }

    /// <summary>The lines of a streamed (newline-delimited JSON) answer; an error line in the stream is raised.</summary>
    internal async IAsyncEnumerable<T> LinesAsync<T>(string command, IEnumerable<KeyValuePair<string, string>> arguments, HttpContent? body, JsonTypeInfo<T> type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(command, arguments, body, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParse(line, KuboJsonContext.Default.KuboError) is { Type: "error" } error)
            {
                throw new KuboException(ErrorCodes.NodeError, command, error.Message ?? line, error.Code, (int)response.StatusCode);
            }

            yield return TryParse(line, type) ?? throw Unexpected(command, line);
        }

        // Kubo reports an error that happens after the answer has started in a trailer.
        if (response.TrailingHeaders.TryGetValues("X-Stream-Error", out IEnumerable<string>? streamErrors) && streamErrors.FirstOrDefault() is { Length: > 0 } streamError)
        {
            throw new KuboException(ErrorCodes.NodeError, command, streamError, statusCode: (int)response.StatusCode);
        }
    }

    /// <summary>A whole binary answer of at most <paramref name="limit"/> bytes.</summary>
    internal async Task<byte[]> BytesAsync(string command, IEnumerable<KeyValuePair<string, string>> arguments, int limit, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(command, arguments, null, cancellationToken).ConfigureAwait(false);
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    throw new KuboException(ErrorCodes.NodeError, command, $"the answer is larger than {limit} bytes");
                }

                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
    }

    /// <summary>A multipart body with one part, as Kubo's commands that take a file or data expect.</summary>
    internal static MultipartFormDataContent Multipart(HttpContent part, string name)
    {
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { part, name, name } };
    }

    internal static bool IsNotFound(KuboException error) =>
        error.Code == ErrorCodes.NodeError
        && (error.KuboMessage.Contains("not found", StringComparison.OrdinalIgnoreCase) || error.KuboMessage.Contains("could not find", StringComparison.OrdinalIgnoreCase));

    private static KuboException Unexpected(string command, string text) =>
        new(ErrorCodes.NodeError, command, $"the answer is not what Kubo sends: '{(text.Length > 200 ? text[..200] + "…" : text)}'");

    private static T? TryParse<T>(string text, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
