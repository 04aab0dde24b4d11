using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ValueChain.Storage.Ipfs.Car;

namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>
/// What a request asks for, from <c>?format=</c> (which wins) or the <c>Accept</c> header, and the
/// CAR parameters (<c>dag-scope</c>, <c>entity-bytes</c>, <c>dups</c>, <c>version</c>, <c>order</c>).
/// A request whose wish this gateway cannot meet carries <see cref="Error"/> and its status instead.
/// </summary>
internal sealed record GatewayRequest(GatewayResponseKind Kind, DagScope Scope, EntityBytes? Range, bool Duplicates, bool FormatInQuery)
{
    internal const string RawMediaType = "application/vnd.ipld.raw";
    internal const string CarMediaType = "application/vnd.ipld.car";

    /// <summary>Why the request is refused, or null.</summary>
    internal string? Error { get; private init; }

    /// <summary>The status to refuse it with (400 or 406).</summary>
    internal int ErrorStatus { get; private init; }

    internal static GatewayRequest Parse(HttpRequest request, bool trustlessOnly)
    {
        IQueryCollection query = request.Query;
        string? format = query["format"].FirstOrDefault();
        GatewayResponseKind? kind = format switch
        {
            null or "" => null,
            "raw" => GatewayResponseKind.Raw,
            "car" => GatewayResponseKind.Car,
            _ => GatewayResponseKind.Refused,
        };
        if (kind == GatewayResponseKind.Refused)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"format={format} is not served here: use format=raw or format=car.");
        }

        bool duplicates = false;
        bool carRefused = false;
        if (kind is null)
        {
            (kind, duplicates, carRefused) = FromAccept(request.Headers.Accept);
        }
        else if (kind == GatewayResponseKind.Car && CarVariant(request.Headers.Accept) is { } accepted)
        {
            duplicates = accepted;
        }

        if (query["car-dups"].FirstOrDefault() is { } dups)
        {
            duplicates = dups == "y";
        }

        if ((query["car-version"].FirstOrDefault() is { } version && version != "1")
            || (query["car-order"].FirstOrDefault() is { } order && order is not ("dfs" or "unk")))
        {
            return Refuse(StatusCodes.Status400BadRequest, "only CAR version 1 in depth-first order (car-version=1, car-order=dfs) is served here.");
        }

        if (kind is null)
        {
            if (carRefused)
            {
                return Refuse(StatusCodes.Status406NotAcceptable, "only application/vnd.ipld.car; version=1; order=dfs (dups y or n) is served here.");
            }

            if (trustlessOnly)
            {
                return Refuse(StatusCodes.Status400BadRequest, "this is a trustless gateway: ask for application/vnd.ipld.raw or application/vnd.ipld.car (Accept header or ?format=raw|car).");
            }

            kind = GatewayResponseKind.File;
        }

        DagScope scope = DagScope.All;
        if (query["dag-scope"].FirstOrDefault() is { } scopeText)
        {
            DagScope? parsed = scopeText switch
            {
                "all" => DagScope.All,
                "entity" => DagScope.Entity,
                "block" => DagScope.Block,
                _ => null,
            };
            if (parsed is null)
            {
                return Refuse(StatusCodes.Status400BadRequest, $"dag-scope={scopeText} is not one of block, entity, all.");
            }

            scope = parsed.Value;
        }

        EntityBytes? range = null;
        if (query["entity-bytes"].FirstOrDefault() is { } rangeText)
        {
            range = EntityBytes.Parse(rangeText);
            if (range is null)
            {
                return Refuse(StatusCodes.Status400BadRequest, $"entity-bytes={rangeText} is not from:to (integers, negative from the end, to may be *).");
            }

            scope = DagScope.Entity;
        }

        return new GatewayRequest(kind.Value, scope, range, duplicates, format is { Length: > 0 });
    }

    private static GatewayRequest Refuse(int status, string error) =>
        new(GatewayResponseKind.Refused, DagScope.All, null, false, false) { Error = error, ErrorStatus = status };

    /// <summary>The first served type in the client's order of preference; whether a CAR was asked for only in variants not served.</summary>
    private static (GatewayResponseKind? Kind, bool Duplicates, bool CarRefused) FromAccept(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out IList<MediaTypeHeaderValue>? types))
        {
            return (null, false, false);
        }

        bool carRefused = false;
        foreach (MediaTypeHeaderValue type in types.OrderByDescending(t => t.Quality ?? 1))
        {
            if (type.Quality == 0)
            {
                continue;
            }

            if (type.MediaType.Equals(RawMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return (GatewayResponseKind.Raw, false, false);
            }

            if (type.MediaType.Equals(CarMediaType, StringComparison.OrdinalIgnoreCase))
            {
                if (Served(type) is { } duplicates)
                {
                    return (GatewayResponseKind.Car, duplicates, false);
                }

                carRefused = true;
            }
        }

        return (null, false, carRefused);
    }

    /// <summary>The dups choice of the first CAR variant served among those the client accepts, or null.</summary>
    private static bool? CarVariant(Microsoft.Extensions.Primitives.StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out IList<MediaTypeHeaderValue>? types)
            ? types.Where(t => t.MediaType.Equals(CarMediaType, StringComparison.OrdinalIgnoreCase)).Select(Served).FirstOrDefault(d => d is not null)
            : null;

    /// <summary>The dups choice when this gateway serves the CAR variant <paramref name="type"/> names (version 1, dfs or unknown order), else null.</summary>
    private static bool? Served(MediaTypeHeaderValue type)
    {
        string? version = Parameter(type, "version");
        string? order = Parameter(type, "order");
        string? dups = Parameter(type, "dups");
        if (version is not (null or "1") || order is not (null or "dfs" or "unk") || dups is not (null or "y" or "n"))
        {
            return null;
        }

        return dups == "y";
    }

    private static string? Parameter(MediaTypeHeaderValue type, string name) =>
        type.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value.ToString();
}
