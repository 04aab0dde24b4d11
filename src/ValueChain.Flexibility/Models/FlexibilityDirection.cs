namespace ValueChain.Flexibility;

/// <summary>Which way the flexibility goes, as encoded in records (<c>uint8</c>).</summary>
public enum FlexibilityDirection : byte
{
    /// <summary>More consumption than planned (the grid has surplus).</summary>
    Positive = 0,

    /// <summary>Less consumption than planned (the grid is short).</summary>
    Negative = 1,
}
