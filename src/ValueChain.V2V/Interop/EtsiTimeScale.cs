namespace ValueChain.V2V.Interop;

/// <summary>How a TimestampIts counts the milliseconds since 2004-01-01T00:00:00Z.</summary>
public enum EtsiTimeScale
{
    /// <summary>
    /// Elapsed (TAI) milliseconds, as the CDD (TS 102 894-2 v2) defines TimestampIts: the leap seconds inserted in UTC
    /// since 2004 are counted (5 since 2017-01-01), so 2007-01-01T00:00:00Z is 94 694 401 000. The default.
    /// </summary>
    Tai = 0,

    /// <summary>UTC milliseconds without leap seconds (how some v1 stacks count): 2007-01-01T00:00:00Z is 94 694 400 000.</summary>
    Utc = 1,
}
