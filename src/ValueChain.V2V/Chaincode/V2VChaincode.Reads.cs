using System.Text;
using ValueChain.Ledger;

namespace ValueChain.V2V;

public sealed partial class V2VChaincode
{
    // An area query scans its cells one by one: this many at most, so a query stays a few hundred reads.
    private const long MaxAreaCells = 400;

    private const int MaxReporters = 100;

    private async Task<List<Obstacle>> ObstaclesNearAsync(ChaincodeState state, GeoPoint position) =>
        await ActiveNearAsync(state, GridCell.Of(position, _options.CellSizeMicrodegrees), expireLapsed: false);

    // The obstacles that reports in the area and ledger-time window mapped or matched, by id.
    private async Task<List<Obstacle>> ObstaclesInAreaAsync(ChaincodeState state, AreaArgs args)
    {
        RequireAuthority(state);
        var obstacles = new List<Obstacle>();
        foreach (long id in (await ReportsInAreaAsync(state, args)).Select(r => r.ObstacleId).Distinct().Order())
        {
            obstacles.Add((await state.GetAsync(V2VKeys.Obstacle(id), Json.Obstacle))!);
        }

        return obstacles;
    }

    private async Task<List<ReportAnchor>> IncidentAsync(ChaincodeState state, AreaArgs args)
    {
        RequireAuthority(state);
        return await ReportsInAreaAsync(state, args);
    }

    // Every report in the area whose anchoring lies in the window, in ledger order.
    private async Task<List<ReportAnchor>> ReportsInAreaAsync(ChaincodeState state, AreaArgs args)
    {
        if (args.Area is null || args.To < args.From
            || args.Area.SouthWest.LatitudeMicrodegrees > args.Area.NorthEast.LatitudeMicrodegrees
            || args.Area.SouthWest.LongitudeMicrodegrees > args.Area.NorthEast.LongitudeMicrodegrees)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "An area query needs a south-west corner south and west of its north-east corner, and a window that ends after it starts.");
        }

        GridCell low = GridCell.Of(args.Area.SouthWest, _options.CellSizeMicrodegrees), high = GridCell.Of(args.Area.NorthEast, _options.CellSizeMicrodegrees);
        if ((high.Latitude - low.Latitude + 1) * (high.Longitude - low.Longitude + 1) > MaxAreaCells)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The area spans more than {MaxAreaCells} index cells of {_options.CellSizeMicrodegrees} microdegrees; ask for a smaller one.");
        }

        var found = new List<ReportAnchor>();
        for (long lat = low.Latitude; lat <= high.Latitude; lat++)
        {
            for (long lon = low.Longitude; lon <= high.Longitude; lon++)
            {
                foreach (ReportAnchor anchor in await AnchorsUnderAsync(state, V2VKeys.ReportCell(new GridCell(lat, lon))))
                {
                    if (args.Area.Contains(anchor.Position) && anchor.AnchoredAt >= args.From && anchor.AnchoredAt <= args.To)
                    {
                        found.Add(anchor);
                    }
                }
            }
        }

        found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return found;
    }

    private async Task<List<ReportAnchor>> ReportsByAsync(ChaincodeState state, List<Address>? reporters)
    {
        RequireAuthority(state);
        if (reporters is not { Count: > 0 and <= MaxReporters })
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Ask for the reports of 1 to {MaxReporters} addresses.");
        }

        var found = new List<ReportAnchor>();
        foreach (Address reporter in reporters.Distinct())
        {
            found.AddRange(await AnchorsUnderAsync(state, V2VKeys.ReportsOf(reporter)));
        }

        found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return found;
    }

    // Index entries hold a report's digest; the anchor is read through it.
    private static async Task<List<ReportAnchor>> AnchorsUnderAsync(ChaincodeState state, string[] prefix)
    {
        (string start, string end) = ChaincodeState.Prefix(prefix);
        var digests = new List<Hash32>();
        await foreach (StateEntry entry in state.Context.GetStateByRangeAsync(start, end))
        {
            digests.Add(Hash32.Parse(Encoding.ASCII.GetString(entry.Value.Span)));
        }

        var anchors = new List<ReportAnchor>(digests.Count);
        foreach (Hash32 digest in digests)
        {
            anchors.Add((await state.GetAsync(V2VKeys.Report(digest), Json.ReportAnchor))!);
        }

        return anchors;
    }
}
