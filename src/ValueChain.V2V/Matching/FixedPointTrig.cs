namespace ValueChain.V2V;

/// <summary>
/// Sine and cosine in integer arithmetic: a table of sin at every whole degree from 0 to 90, scaled by 10 000 and
/// rounded, interpolated linearly between degrees (error below 0.0001). The Solidity twin holds the same table
/// (V2VGeometry.sol, checked by a test), so both compute the same integers.
/// </summary>
public static class FixedPointTrig
{
    /// <summary>The scale of the results: sin 90° is 10 000.</summary>
    public const int Scale = 10_000;

    /// <summary>round(sin(d°) · 10 000) for d = 0 … 90.</summary>
    public static ReadOnlySpan<short> SineTable =>
    [
        0, 175, 349, 523, 698, 872, 1045, 1219, 1392, 1564,
        1736, 1908, 2079, 2250, 2419, 2588, 2756, 2924, 3090, 3256,
        3420, 3584, 3746, 3907, 4067, 4226, 4384, 4540, 4695, 4848,
        5000, 5150, 5299, 5446, 5592, 5736, 5878, 6018, 6157, 6293,
        6428, 6561, 6691, 6820, 6947, 7071, 7193, 7314, 7431, 7547,
        7660, 7771, 7880, 7986, 8090, 8192, 8290, 8387, 8480, 8572,
        8660, 8746, 8829, 8910, 8988, 9063, 9135, 9205, 9272, 9336,
        9397, 9455, 9511, 9563, 9613, 9659, 9703, 9744, 9781, 9816,
        9848, 9877, 9903, 9925, 9945, 9962, 9976, 9986, 9994, 9998,
        10000,
    ];

    /// <summary>sin of an angle in 0.01 degree (any integer; reduced modulo 360°), scaled by <see cref="Scale"/>.</summary>
    public static long Sin(long centidegrees)
    {
        long a = ((centidegrees % 36_000) + 36_000) % 36_000;
        return a switch
        {
            <= 9_000 => Quadrant(a),
            <= 18_000 => Quadrant(18_000 - a),
            <= 27_000 => -Quadrant(a - 18_000),
            _ => -Quadrant(36_000 - a),
        };
    }

    /// <summary>cos of an angle in 0.01 degree, scaled by <see cref="Scale"/>.</summary>
    public static long Cos(long centidegrees) => Sin(centidegrees + 9_000);

    // 0 ≤ a ≤ 9 000: the table's value at the whole degree, plus the linear share of the step to the next one.
    private static long Quadrant(long a)
    {
        long degree = a / 100, fraction = a % 100;
        long low = SineTable[(int)degree];
        return fraction == 0 ? low : low + ((SineTable[(int)degree + 1] - low) * fraction / 100);
    }
}
