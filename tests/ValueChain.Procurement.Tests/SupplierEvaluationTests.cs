namespace ValueChain.Procurement.Tests;

public sealed class SupplierEvaluationTests
{
    [Fact]
    public void The_on_time_rate_is_integer_basis_points_counting_failed_deliveries_as_late()
    {
        Assert.Null(SupplierEvaluation.None.OnTimeRate);
        Assert.Equal(7_000, SupplierEvaluation.None.RateOr(7_000));
        Assert.Equal(10_000, new SupplierEvaluation(3, 3, 0).OnTimeRate);
        Assert.Equal(6_666, new SupplierEvaluation(3, 2, 0).OnTimeRate);
        Assert.Equal(5_000, new SupplierEvaluation(1, 1, 1).OnTimeRate);
        Assert.Equal(0, new SupplierEvaluation(0, 0, 2).RateOr(9_000));
    }
}
