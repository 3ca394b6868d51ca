// When each client's personal data falls due for erasure: one row per (client, what they are in: a meeting, a family, an
// info evening, a call-back) with the moment its retention period counts from. An inline projection of the appointment,
// family, evening and call-back streams; ids and times only, so the table itself holds nothing personal.
using Booking.Api.Storage;
using Booking.Domain.Appointments;
using Booking.Domain.CallBacks;
using Booking.Domain.EventSourcing;
using Booking.Domain.Secretary;
using Booking.Domain.InfoEvenings;
using Npgsql;

namespace Booking.Api.Privacy;

public sealed class PersonalDataClocks : IInlineProjection
{
    public const string Meeting = "appointment", Family = "family", Evening = "evening", CallBack = "call_back";

    public string SchemaSql => """
        create table if not exists personal_data_clocks (
            unit_id    uuid        not null,
            client_id  uuid        not null,
            subject    text        not null,
            subject_id uuid        not null,
            counts_from timestamptz not null,
            primary key (unit_id, client_id, subject, subject_id)
        );
        create index if not exists personal_data_clocks_subject on personal_data_clocks (unit_id, subject, subject_id);
        """ + "\n" + BackfillSql;

    /// <summary>A unit that ran the service before this table existed: its clocks are read once from the events already
    /// stored (this script runs when it first meets the database, and again only when it changes; each insert is
    /// idempotent). Marten's events are JSON with camelCase names, the unit in tenant_id.</summary>
    public const string BackfillSql = """
        do $backfill$
        begin
          if to_regclass('public.mt_events') is null then return; end if;
          insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
          select e.tenant_id::uuid, (e.data->>'clientId')::uuid, 'appointment', (e.data->>'appointmentId')::uuid,
                 coalesce((select (m.data->>'end')::timestamptz from mt_events m where m.type = 'appointment_moved'
                           and m.stream_id = e.stream_id and m.tenant_id = e.tenant_id order by m.seq_id desc limit 1),
                          (e.data->>'end')::timestamptz)
          from mt_events e where e.type = 'appointment_booked' and e.tenant_id ~ '^[0-9a-fA-F-]{36}$'
          on conflict do nothing;
          insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
          select e.tenant_id::uuid, (e.data->>'otherParentClientId')::uuid, 'appointment', (e.data->>'appointmentId')::uuid, c.counts_from
          from mt_events e join personal_data_clocks c on c.unit_id = e.tenant_id::uuid and c.subject = 'appointment'
               and c.subject_id = (e.data->>'appointmentId')::uuid
          where e.type = 'other_parent_invited' and e.tenant_id ~ '^[0-9a-fA-F-]{36}$'
          on conflict do nothing;
          insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
          select e.tenant_id::uuid, (e.data->>'clientId')::uuid, 'family', (e.data->>'familyId')::uuid,
                 greatest((e.data->>'addedAt')::timestamptz,
                          (select max((l.data->>'loggedAt')::timestamptz) from mt_events l where l.type = 'family_contact_logged'
                           and l.stream_id = e.stream_id and l.tenant_id = e.tenant_id))
          from mt_events e where e.type = 'family_parent_added' and e.tenant_id ~ '^[0-9a-fA-F-]{36}$'
          on conflict do nothing;
          insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
          select e.tenant_id::uuid, (e.data->>'clientId')::uuid, 'evening', (e.data->>'eveningId')::uuid,
                 coalesce((select (s.data->>'start')::timestamptz from mt_events s where s.type = 'info_evening_scheduled'
                           and s.stream_id = e.stream_id and s.tenant_id = e.tenant_id order by s.seq_id desc limit 1),
                          (e.data->>'at')::timestamptz)
          from mt_events e where e.type in ('info_evening_registered', 'info_evening_waitlisted') and e.tenant_id ~ '^[0-9a-fA-F-]{36}$'
          on conflict do nothing;
          insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
          select e.tenant_id::uuid, (e.data->>'clientId')::uuid, 'call_back', (e.data->>'callBackId')::uuid, (e.data->>'start')::timestamptz
          from mt_events e where e.type = 'call_back_reserved' and e.tenant_id ~ '^[0-9a-fA-F-]{36}$'
          on conflict do nothing;
        end
        $backfill$;
        """;

    public async Task Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventEnvelope> events, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var envelope in events)
        {
            var unit = envelope.UnitId;
            switch (envelope.Data)
            {
                case AppointmentBooked e:
                    batch.BatchCommands.Add(Upsert(unit, e.ClientId, Meeting, e.AppointmentId, e.End));
                    break;
                case OtherParentInvited e:
                    // The invited parent is kept as long as the meeting they were invited to.
                    batch.BatchCommands.Add(Command("""
                        insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
                        select $1, $2, 'appointment', $3, coalesce(max(counts_from), $4) from personal_data_clocks
                        where unit_id = $1 and subject = 'appointment' and subject_id = $3
                        on conflict (unit_id, client_id, subject, subject_id) do nothing
                        """, unit, e.OtherParentClientId, e.AppointmentId, e.InvitedAt));
                    break;
                case AppointmentMoved e:
                    batch.BatchCommands.Add(Command(
                        "update personal_data_clocks set counts_from = $3 where unit_id = $1 and subject = 'appointment' and subject_id = $2",
                        unit, e.AppointmentId, e.End));
                    break;
                case ParentAdded e:
                    batch.BatchCommands.Add(Command("""
                        insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
                        select $1, $2, 'family', $3, greatest($4, coalesce(max(counts_from), $4)) from personal_data_clocks
                        where unit_id = $1 and subject = 'family' and subject_id = $3
                        on conflict (unit_id, client_id, subject, subject_id) do nothing
                        """, unit, e.ClientId, e.FamilyId, e.AddedAt));
                    break;
                case ContactLogged e:
                    batch.BatchCommands.Add(Command("""
                        update personal_data_clocks set counts_from = greatest(counts_from, $3)
                        where unit_id = $1 and subject = 'family' and subject_id = $2
                        """, unit, e.FamilyId, e.LoggedAt));
                    break;
                case Registered e:
                    batch.BatchCommands.Add(EveningRow(unit, e.ClientId, e.EveningId, e.At));
                    break;
                case Waitlisted e:
                    batch.BatchCommands.Add(EveningRow(unit, e.ClientId, e.EveningId, e.At));
                    break;
                case EveningScheduled e:
                    batch.BatchCommands.Add(Command(
                        "update personal_data_clocks set counts_from = $3 where unit_id = $1 and subject = 'evening' and subject_id = $2",
                        unit, e.EveningId, e.Start));
                    break;
                case CallBackReserved e:
                    batch.BatchCommands.Add(Upsert(unit, e.ClientId, CallBack, e.CallBackId, e.Start));
                    break;
            }
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    // The evening's start, from the evening catalogue (written when the evening was scheduled).
    private static NpgsqlBatchCommand EveningRow(Guid unit, Guid client, Guid evening, NodaTime.Instant at) => Command("""
        insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from)
        values ($1, $2, 'evening', $3, coalesce((select starts_at from info_evenings where unit_id = $1 and evening_id = $3), $4))
        on conflict (unit_id, client_id, subject, subject_id) do nothing
        """, unit, client, evening, at);

    private static NpgsqlBatchCommand Upsert(Guid unit, Guid client, string subject, Guid subjectId, NodaTime.Instant countsFrom) => Command("""
        insert into personal_data_clocks (unit_id, client_id, subject, subject_id, counts_from) values ($1, $2, $3, $4, $5)
        on conflict (unit_id, client_id, subject, subject_id) do update set counts_from = excluded.counts_from
        """, unit, client, subject, subjectId, countsFrom);

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
