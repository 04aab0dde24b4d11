using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using ValueChain.Content;
using ValueChain.Storage.Ipfs.Car;
using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>
/// Answers <c>GET</c> and <c>HEAD /ipfs/{cid}</c> as the IPFS trustless-gateway specification says:
/// raw blocks, CAR streams, and (unless trustless-only) the file's bytes. Everything it sends was
/// verified against its CID by the store; once a CAR or file body has started, a block found missing
/// or altered aborts the connection, so the client sees an incomplete response, never wrong bytes.
/// </summary>
internal sealed partial class ContentGatewayHandler(IContentStore store, ContentGatewayOptions options, ILogger logger)
{
    /// <summary>Content ids never change what they name, so every answer may be cached for good.</summary>
    private const string Immutable = "public, max-age=29030400, immutable";

    internal async Task HandleAsync(HttpContext context, string cidText, string? path)
    {
        HttpResponse response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = HeaderNames.Accept;
        if (!Cid.TryParse(cidText, out Cid? cid) || cid is null)
        {
            await RefuseAsync(response, StatusCodes.Status400BadRequest, $"'{cidText}' is not a CID this gateway reads (CIDv0 or CIDv1, base58btc or base32, sha2-256 or identity).").ConfigureAwait(false);
            return;
        }

        if (!string.IsNullOrEmpty(path))
        {
            await RefuseAsync(response, StatusCodes.Status501NotImplemented, "paths under a CID are not served here: ask for the CID of the file itself.").ConfigureAwait(false);
            return;
        }

        GatewayRequest request = GatewayRequest.Parse(context.Request, options.TrustlessOnly);
        if (request.Error is { } error)
        {
            await RefuseAsync(response, request.ErrorStatus, error).ConfigureAwait(false);
            return;
        }

        bool head = HttpMethods.IsHead(context.Request.Method);
        CancellationToken cancellationToken = context.RequestAborted;
        try
        {
            ScopedCarExport export = await ScopedCarExport.PlanAsync(store, cid, cancellationToken).ConfigureAwait(false);
            response.Headers.CacheControl = Immutable;
            response.Headers["X-Ipfs-Path"] = $"/ipfs/{cidText}";
            response.Headers["X-Ipfs-Roots"] = cidText;
            if (!request.FormatInQuery && request.Kind != GatewayResponseKind.File)
            {
                response.Headers.ContentLocation = $"/ipfs/{cidText}{QueryWithFormat(context.Request, request.Kind)}";
            }

            switch (request.Kind)
            {
                case GatewayResponseKind.Raw:
                    await RawAsync(context, cidText, export, head).ConfigureAwait(false);
                    break;
                case GatewayResponseKind.Car:
                    await CarAsync(context, cidText, export, request, head).ConfigureAwait(false);
                    break;
                default:
                    await FileAsync(context, cidText, cid, export, head).ConfigureAwait(false);
                    break;
            }
        }
        catch (ContentNotFoundException e) when (!response.HasStarted)
        {
            int status = OnlyIfCached(context.Request) ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status404NotFound;
            await RefuseAsync(response, status, e.Message).ConfigureAwait(false);
        }
        catch (ValueChainException e) when (!response.HasStarted)
        {
            LogRefused(logger, cidText, e);
            await RefuseAsync(response, StatusCodes.Status500InternalServerError, e.Message).ConfigureAwait(false);
        }
        catch (ValueChainException e)
        {
            // The status is sent: all that is left is to cut the stream short, which clients detect.
            LogAborted(logger, cidText, e);
            context.Abort();
        }
    }

    private static async Task RawAsync(HttpContext context, string cidText, ScopedCarExport export, bool head)
    {
        HttpResponse response = context.Response;
        if (NotModified(context, $"\"{cidText}.raw\""))
        {
            return;
        }

        response.ContentType = GatewayRequest.RawMediaType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{cidText}.bin\"";
        response.ContentLength = export.RootBlock.Length;
        if (!head)
        {
            await response.Body.WriteAsync(export.RootBlock, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task CarAsync(HttpContext context, string cidText, ScopedCarExport export, GatewayRequest request, bool head)
    {
        HttpResponse response = context.Response;
        if (request.Range is { } range && !export.Satisfies(range))
        {
            await RefuseAsync(response, StatusCodes.Status400BadRequest, $"entity-bytes={range.From}:{(range.To is { } to ? to.ToString(CultureInfo.InvariantCulture) : "*")} selects no byte of the {export.FileSize}-byte file {cidText}.").ConfigureAwait(false);
            return;
        }

        string variant = $"{request.Scope}|{request.Range}|{request.Duplicates}";
        string tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(variant)).AsSpan(0, 8));
        if (NotModified(context, $"\"{cidText}.car.{tag}\""))
        {
            return;
        }

        response.ContentType = $"{GatewayRequest.CarMediaType}; version=1; order=dfs; dups={(request.Duplicates ? "y" : "n")}";
        response.Headers.ContentDisposition = $"attachment; filename=\"{cidText}.car\"";
        if (!head)
        {
            await export.WriteAsync(response.Body, request.Scope, request.Range, request.Duplicates, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task FileAsync(HttpContext context, string cidText, Cid cid, ScopedCarExport export, bool head)
    {
        HttpResponse response = context.Response;
        if (export.FileSize is not { } size)
        {
            await RefuseAsync(response, StatusCodes.Status501NotImplemented, $"{cidText} is not a file (directories are not listed here); ask for it with format=car or format=raw.").ConfigureAwait(false);
            return;
        }

        if (NotModified(context, $"\"{cidText}\""))
        {
            return;
        }

        // No sniffing (nosniff above): the bytes are whatever someone stored, so they are served as bytes.
        response.ContentType = "application/octet-stream";
        response.ContentLength = size;
        IQueryCollection query = context.Request.Query;
        if (query["filename"].FirstOrDefault() is { Length: > 0 } filename)
        {
            string disposition = query["download"].FirstOrDefault() == "true" ? "attachment" : "inline";
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue(disposition) { FileNameStar = filename }.ToString();
        }

        if (head)
        {
            return;
        }

        if (cid.Codec == ContentCodec.Raw)
        {
            await response.Body.WriteAsync(export.RootBlock, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Stream file = await store.OpenFileAsync(cid.ToContentId(), context.RequestAborted).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            await file.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Sets the Etag; answers 304 and returns true when the client already holds that version.</summary>
    private static bool NotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        return false;
    }

    private static bool OnlyIfCached(HttpRequest request) =>
        request.Headers.CacheControl.Any(v => v is not null && v.Contains("only-if-cached", StringComparison.OrdinalIgnoreCase));

    private static string QueryWithFormat(HttpRequest request, GatewayResponseKind kind)
    {
        var parameters = request.Query.Where(p => p.Key != "format").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"));
        return "?" + string.Join('&', parameters.Prepend(kind == GatewayResponseKind.Raw ? "format=raw" : "format=car"));
    }

    private static async Task RefuseAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.Headers.Remove(HeaderNames.CacheControl);
        response.Headers.Remove(HeaderNames.ETag);
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(message + "\n").ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1500, EventName = "Refused", Level = LogLevel.Warning, Message = "The gateway could not serve {Cid}")]
    private static partial void LogRefused(ILogger logger, string cid, Exception exception);

    [LoggerMessage(EventId = 1501, EventName = "CorruptionFound", Level = LogLevel.Warning, Message = "The gateway cut the response for {Cid} short: a block is missing or altered")]
    private static partial void LogAborted(ILogger logger, string cid, Exception exception);
}
