namespace Booking.Domain.Families;

public static class StreamIds
{
    public const string FamilyType = "family";

    public static string Family(Guid familyId) => $"family-{familyId:N}";
}
