namespace ValueChain.Procurement;

/// <summary>Where a quotation stands for one company: approval is per company.</summary>
public enum QuotationStatus
{
    /// <summary>Not selectable for the company's machines (the start, and after a withdrawal).</summary>
    NotApproved = 1,

    /// <summary>A buyer of the company approved it: its machines may order it.</summary>
    Approved = 2,
}
