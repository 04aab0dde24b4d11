using System.Globalization;
using ValueChain.Ledger;

namespace ValueChain.V2V;

public sealed partial class V2VChaincode
{
    /// <summary>
    /// The active obstacles indexed in the 3 × 3 cells around <paramref name="cell"/>, by id. In a transaction, those whose
    /// expiry time has passed since their last confirmation expire on the spot, so a report never matches a lapsed one.
    /// </summary>
    private async Task<List<Obstacle>> ActiveNearAsync(ChaincodeState state, GridCell cell, bool expireLapsed = true)
    {
        var ids = new SortedSet<long>();
        foreach (GridCell near in cell.Neighbourhood())
        {
            foreach (string id in await state.IdsUnderAsync(V2VKeys.ActiveCell(near)))
            {
                ids.Add(long.Parse(id, CultureInfo.InvariantCulture));
            }
        }

        var active = new List<Obstacle>(ids.Count);
        foreach (long id in ids)
        {
            Obstacle obstacle = (await state.GetAsync(V2VKeys.Obstacle(id), Json.Obstacle))!;
            if (!IsLapsed(obstacle, state.Context.Timestamp))
            {
                active.Add(obstacle);
            }
            else if (expireLapsed)
            {
                await CloseAsync(state, obstacle, ObstacleStatus.Expired, Address.Zero);
            }
        }

        return active;
    }

    private bool IsLapsed(Obstacle obstacle, DateTimeOffset now) => now - obstacle.LastConfirmedAt >= _options.Expiry;

    private static async Task<long> MapAsync(ChaincodeState state, ObstacleReport report, Hash32 digest, GridCell cell)
    {
        long id = await CountAsync(state, V2VKeys.ObstacleCounter) + 1;
        DateTimeOffset now = state.Context.Timestamp;
        var dynamic = report as DynamicObstacleReport;
        var obstacle = new Obstacle(
            id, report.Kind, report.Position, dynamic is not null, dynamic?.VelocityCentimetresPerSecond ?? 0, dynamic?.BearingCentidegrees ?? 0,
            report.DetectedAt, report.DetectedAt, report.Reporter, digest, 1, 0, now, now, ObstacleStatus.Active);
        await state.PutAsync(V2VKeys.Obstacle(id), obstacle, Json.Obstacle);
        await SetCountAsync(state, V2VKeys.ObstacleCounter, id);
        await IndexAsync(state, id, cell);
        state.Emit(V2VEvents.ObstacleMapped, obstacle, Json.Obstacle);
        return id;
    }

    // A match: it counts as a confirmation when another pseudonym reports it, once per pseudonym, and the first
    // reporter's certificate is valid now too; as a vehicle holds at most one valid certificate at a time, the two are
    // then two vehicles. A moving obstacle is indexed where it was seen again, so later reports find it there.
    private async Task<bool> ConfirmAsync(ChaincodeState state, Obstacle obstacle, ObstacleReport report, Hash32 digest, GridCell cell)
    {
        DateTimeOffset now = state.Context.Timestamp;
        bool counted = report.Reporter != obstacle.FirstReporter
            && !await state.ExistsAsync(V2VKeys.ConfirmedBy(obstacle.Id, report.Reporter))
            && await IsCertifiedAtAsync(state, obstacle.FirstReporter, now);
        Obstacle updated = obstacle with
        {
            Reports = obstacle.Reports + 1,
            LastDetectedAt = report.DetectedAt > obstacle.LastDetectedAt ? report.DetectedAt : obstacle.LastDetectedAt,
            Confirmations = counted ? obstacle.Confirmations + 1 : obstacle.Confirmations,
            LastConfirmedAt = counted ? now : obstacle.LastConfirmedAt,
        };
        await state.PutAsync(V2VKeys.Obstacle(obstacle.Id), updated, Json.Obstacle);
        if (counted)
        {
            await state.MarkAsync(V2VKeys.ConfirmedBy(obstacle.Id, report.Reporter));
            await AdjustReputationAsync(state, obstacle.FirstReporter, 1, 0, 0);
        }

        if (obstacle.IsDynamic)
        {
            await IndexAsync(state, obstacle.Id, cell);
        }

        state.Emit(V2VEvents.ObstacleConfirmed, new ObstacleConfirmation(obstacle.Id, digest, report.Reporter, obstacle.FirstReporter, counted), Json.ObstacleConfirmation);
        return counted;
    }

    private static async Task IndexAsync(ChaincodeState state, long id, GridCell cell)
    {
        await state.MarkAsync(V2VKeys.ActiveInCell(cell, id));
        await state.MarkAsync(V2VKeys.CellOf(id, cell));
    }

    private async Task<string?> NegateAsync(ChaincodeState state, long obstacleId)
    {
        Address caller = state.Context.Caller;
        await RequireCertifiedAsync(state, caller, state.Context.Timestamp);
        Obstacle obstacle = await ActiveObstacleAsync(state, obstacleId);
        if (obstacle.FirstReporter == caller)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Obstacle {obstacleId} is negated by another vehicle, not by its own reporter.");
        }

        if (IsLapsed(obstacle, state.Context.Timestamp))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Obstacle {obstacleId} expired at {obstacle.LastConfirmedAt + _options.Expiry:O}; expire it instead.");
        }

        await CloseAsync(state, obstacle, ObstacleStatus.Negated, caller);
        return null;
    }

    private async Task<string?> ExpireAsync(ChaincodeState state, long obstacleId)
    {
        Obstacle obstacle = await ActiveObstacleAsync(state, obstacleId);
        if (!IsLapsed(obstacle, state.Context.Timestamp))
        {
            throw new ChaincodeException(ErrorCodes.DeadlineNotReached, $"Obstacle {obstacleId} expires at {obstacle.LastConfirmedAt + _options.Expiry:O}, {_options.Expiry} after its last confirmation.");
        }

        await CloseAsync(state, obstacle, ObstacleStatus.Expired, Address.Zero);
        return null;
    }

    private static async Task<Obstacle> ActiveObstacleAsync(ChaincodeState state, long obstacleId)
    {
        Obstacle obstacle = await state.GetAsync(V2VKeys.Obstacle(obstacleId), Json.Obstacle)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Obstacle {obstacleId} does not exist.");
        if (obstacle.Status != ObstacleStatus.Active)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Obstacle {obstacleId} is already {obstacle.Status}.");
        }

        return obstacle;
    }

    // Off the map: out of every cell index; an unconfirmed obstacle costs its reporter reputation.
    private async Task CloseAsync(ChaincodeState state, Obstacle obstacle, ObstacleStatus status, Address by)
    {
        await state.PutAsync(V2VKeys.Obstacle(obstacle.Id), obstacle with { Status = status }, Json.Obstacle);
        (string start, string end) = ChaincodeState.Prefix(V2VKeys.CellsOf(obstacle.Id));
        var cells = new List<string>();
        await foreach (StateEntry entry in state.Context.GetStateByRangeAsync(start, end))
        {
            cells.Add(entry.Key);
        }

        foreach (string key in cells)
        {
            string[] parts = key.Split('\u001f');
            var cell = new GridCell(long.Parse(parts[^2], CultureInfo.InvariantCulture), long.Parse(parts[^1], CultureInfo.InvariantCulture));
            await state.DeleteAsync(V2VKeys.ActiveInCell(cell, obstacle.Id));
            await state.DeleteAsync(key);
        }

        if (obstacle.Confirmations == 0)
        {
            await AdjustReputationAsync(state, obstacle.FirstReporter, 0, status == ObstacleStatus.Expired ? 1 : 0, status == ObstacleStatus.Negated ? 1 : 0);
        }

        var closure = new ObstacleClosure(obstacle.Id, obstacle.FirstReporter, obstacle.Confirmations, by);
        state.Emit(status == ObstacleStatus.Expired ? V2VEvents.ObstacleExpired : V2VEvents.ObstacleNegated, closure, Json.ObstacleClosure);
    }
}
