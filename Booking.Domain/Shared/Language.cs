namespace Booking.Domain;

/// <summary>The languages a client is served in: Finnish, Swedish, English.</summary>
public enum Language { Fi, Sv, En }
