namespace ValueChain.V2V;

/// <summary>
/// An off-ledger spatial index of mapped obstacles in grid cells (the cells the chaincode uses), so that a preview of the
/// matching looks at the 3 × 3 cells around a report only and stays fast with 100 000 obstacles. Not thread-safe.
/// </summary>
public sealed class ObstacleGridIndex
{
    private readonly Dictionary<GridCell, List<Obstacle>> _cells = [];
    private readonly Dictionary<long, List<GridCell>> _cellsOf = [];
    private readonly List<Obstacle> _scratch = [];

    /// <summary>Creates an empty index with cells of <paramref name="cellSizeMicrodegrees"/> and the deployment's matching rules.</summary>
    public ObstacleGridIndex(int cellSizeMicrodegrees, MatchingRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellSizeMicrodegrees, 1);
        ArgumentNullException.ThrowIfNull(rules);
        CellSize = cellSizeMicrodegrees;
        Rules = rules;
    }

    /// <summary>The cell size in microdegrees.</summary>
    public int CellSize { get; }

    /// <summary>The matching rules.</summary>
    public MatchingRules Rules { get; }

    /// <summary>How many obstacles the index holds.</summary>
    public int Count => _cellsOf.Count;

    /// <summary>Adds or replaces <paramref name="obstacle"/>, indexed at its position (and, for a moving one, also at <paramref name="seenAt"/>).</summary>
    public void Put(Obstacle obstacle, GeoPoint? seenAt = null)
    {
        ArgumentNullException.ThrowIfNull(obstacle);
        Remove(obstacle.Id, out List<GridCell>? cells);
        cells ??= [];
        GridCell home = GridCell.Of(obstacle.Position, CellSize);
        if (!cells.Contains(home))
        {
            cells.Add(home);
        }

        if (seenAt is { } seen && GridCell.Of(seen, CellSize) is var extra && !cells.Contains(extra))
        {
            cells.Add(extra);
        }

        foreach (GridCell cell in cells)
        {
            if (!_cells.TryGetValue(cell, out List<Obstacle>? list))
            {
                _cells[cell] = list = [];
            }

            list.Add(obstacle);
        }

        _cellsOf[obstacle.Id] = cells;
    }

    /// <summary>Removes the obstacle <paramref name="id"/>; false when it was not indexed.</summary>
    public bool Remove(long id) => Remove(id, out _);

    /// <summary>The id of the obstacle <paramref name="report"/> matches, or null: <see cref="ObstacleMatching.Match"/> over the 3 × 3 cells around it.</summary>
    public long? Match(ObstacleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _scratch.Clear();
        foreach (GridCell cell in GridCell.Of(report.Position, CellSize).Neighbourhood())
        {
            if (_cells.TryGetValue(cell, out List<Obstacle>? list))
            {
                _scratch.AddRange(list);
            }
        }

        return ObstacleMatching.Match(report, _scratch, Rules);
    }

    private bool Remove(long id, out List<GridCell>? cells)
    {
        if (!_cellsOf.Remove(id, out cells))
        {
            return false;
        }

        foreach (GridCell cell in cells)
        {
            List<Obstacle> list = _cells[cell];
            list.RemoveAll(o => o.Id == id);
            if (list.Count == 0)
            {
                _cells.Remove(cell);
            }
        }

        return true;
    }
}
