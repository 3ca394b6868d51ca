// The refusals in the OpenAPI document, read from each endpoint's own metadata so that the endpoint files need no
// per-status attributes: a body means 400/413/415, a sign-in means the cookie scheme and 401/403, a route value 404,
// If-Match 412, a rate limit 429, the database 503. Only the rule codes a route can answer (409, 422, its own 404s)
// are listed by name below, keyed by the endpoint's name; the test of the document fails when a name here is gone.
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Booking.Api.Hosting;

public static class OpenApiProblems
{
    public const string CookieScheme = "staffCookie";
    public const string ProblemSchema = "Problem";

    /// <summary>Route-specific refusals: endpoint name → status → the codes it may carry.</summary>
    public static readonly IReadOnlyDictionary<string, (int Status, string[] Codes)[]> RuleAnswers =
        new Dictionary<string, (int, string[])[]>
        {
            ["GetFreeTimes"] = [(422, ["unknown_type", "not_bookable_online", "modality_not_offered", "beyond_horizon"])],
            // A repeat with the same Idempotency-Key answers the booking it made: 404 once that booking's data was erased.
            ["BookAppointment"] = [(404, ["appointment_not_found"]), (409, ["slot_taken", "busy"]), (422, ["time_in_past", "too_soon", "unit_closed",
                "beyond_horizon", "not_a_bookable_time", "not_bookable_online", "modality_not_offered", "idempotency_key_reused"])],
            ["MoveBooking"] = [(410, ["link_expired"]), (409, ["slot_taken", "busy"]), (422, ["appointment_cancelled", "appointment_started", "pair_meeting",
                "type_retired", "time_in_past", "too_soon", "unit_closed", "beyond_horizon", "not_a_bookable_time"])],
            // Cancelling a cancelled booking again answers it as it is.
            ["CancelBooking"] = [(410, ["link_expired"]), (409, ["busy"]), (422, ["appointment_started"])],
            // A manage link stops working a while after its meeting (410), on every door that opens one.
            ["GetBooking"] = [(410, ["link_expired"])],
            ["DownloadBookingCalendar"] = [(410, ["link_expired"])],
            ["GetBookingCopy"] = [(410, ["link_expired"])],
            ["AcceptInvitation"] = [(409, ["busy"]), (422, ["appointment_cancelled", "appointment_started"])],
            ["DeclineInvitation"] = [(409, ["busy"]), (422, ["appointment_cancelled", "appointment_started"])],
            // After the last lost race it answers whether the first time is still free (slot_taken), not busy.
            ["BookForFamily"] = [(404, ["family_not_found"]), (409, ["slot_taken", "no_common_supervisor"]), (422, ["time_in_past",
                "beyond_horizon", "unit_closed", "not_a_bookable_time", "same_professional_twice", "modality_not_offered"])],
            ["OfferHours"] = [(409, ["busy"]), (422, ["unit_closed", "time_in_past"])],
            ["LogFirstContact"] = [(409, ["busy"])],
            ["LogContact"] = [(409, ["busy"])],
            ["EraseFamilyData"] = [(404, ["family_not_found"]), (409, ["busy"]), (422, ["future_meeting"])],
            ["EraseBookingData"] = [(404, ["appointment_not_found"]), (409, ["busy"]), (422, ["future_meeting", "part_of_family"])],
            ["PlanBookingErasure"] = [(404, ["appointment_not_found"])],
            ["GetBookingCopyForStaff"] = [(404, ["appointment_not_found"])],
            ["PlanFamilyErasure"] = [(404, ["family_not_found"])],
            ["GetFamilyCopy"] = [(404, ["family_not_found"])],
            ["SendInfoLinks"] = [(404, ["family_not_found"]), (409, ["busy"]), (422, ["no_email"])],
            ["ReserveCallBack"] = [(409, ["slot_taken", "busy"]), (422, ["too_soon", "time_in_past", "beyond_horizon", "unit_closed",
                "not_a_call_back_time", "one_call_back_a_day"])],
            ["ReserveCallBackForClient"] = [(409, ["slot_taken", "busy"]), (422, ["time_in_past", "beyond_horizon", "unit_closed",
                "not_a_call_back_time", "no_call_back_time_for_staff", "one_call_back_a_day"])],
            ["CancelCallBack"] = [(404, ["call_back_not_found"]), (409, ["busy"]), (422, ["call_back_done", "call_back_closed", "call_back_started"])],
            // Cancelling a cancelled call-back again answers it as it is.
            ["CancelCallBackForClient"] = [(404, ["call_back_not_found"]), (409, ["busy"]), (422, ["call_back_done", "call_back_closed"])],
            ["CompleteCallBack"] = [(403, ["not_your_call_back"]), (404, ["call_back_not_found"]), (409, ["busy"]),
                (422, ["not_due", "call_back_cancelled", "call_back_done", "call_back_closed"])],
            ["CallBackNotReached"] = [(403, ["not_your_call_back"]), (404, ["call_back_not_found"]), (409, ["busy"]),
                (422, ["not_due", "retry_too_soon", "call_back_cancelled", "call_back_done", "call_back_closed"])],
            ["RegisterForInfoEvening"] = [(404, ["evening_not_found"]), (409, ["already_registered", "busy"]), (422, ["registration_not_open", "registration_closed",
                "evening_cancelled"])],
            // Cancelling what is already cancelled (a registration, an evening) answers it as it is.
            ["CancelEveningRegistration"] = [(404, ["registration_not_found"]), (409, ["busy"]), (422, ["evening_started", "evening_cancelled"])],
            ["ScheduleInfoEvening"] = [(409, ["evening_exists", "busy"])],
            ["CancelInfoEvening"] = [(404, ["evening_not_found"]), (409, ["busy"]), (422, ["evening_past"])],
            ["MarkInfoEveningAttendance"] = [(404, ["evening_not_found", "registration_not_found"]), (409, ["busy"]),
                (422, ["evening_not_started", "not_registered", "evening_cancelled"])],
            ["TakeWalkInNumber"] = [(409, ["busy"]), (422, ["queue_full", "intake_closed", "walk_in_not_open", "walk_in_closed", "no_walk_in_today",
                "unit_closed"])],
            ["WithdrawWalkInTicket"] = [(404, ["ticket_not_found"]), (409, ["busy"]), (422, ["visit_started", "visit_completed", "ticket_no_show",
                "no_walk_in_today", "unit_closed"])],
            ["CallNextWalkIn"] = [(409, ["already_serving", "busy"]), (422, ["not_on_duty", "queue_empty", "no_walk_in_today", "unit_closed"])],
            // Every staff action on a number opens today's session first (no_walk_in_today, unit_closed) and then checks the
            // supervisor is on duty and the number is theirs.
            ["RecallWalkIn"] = [(404, ["ticket_not_found"]), (409, ["not_your_ticket", "busy"]), (422, ["not_on_duty", "not_called",
                "visit_started", "visit_completed", "ticket_no_show", "ticket_withdrawn", "no_walk_in_today", "unit_closed"])],
            ["StartWalkInVisit"] = [(404, ["ticket_not_found"]), (409, ["not_your_ticket", "busy"]), (422, ["not_on_duty", "not_called",
                "ticket_no_show", "ticket_withdrawn", "no_walk_in_today", "unit_closed"])],
            ["CompleteWalkInVisit"] = [(404, ["ticket_not_found"]), (409, ["not_your_ticket", "busy"]), (422, ["not_on_duty", "not_called",
                "visit_not_started", "ticket_no_show", "ticket_withdrawn", "no_walk_in_today", "unit_closed"])],
            ["WalkInNoShow"] = [(404, ["ticket_not_found"]), (409, ["not_your_ticket", "busy"]), (422, ["not_on_duty", "not_called",
                "grace_not_over", "visit_started", "visit_completed", "ticket_withdrawn", "no_walk_in_today", "unit_closed"])],
            // Books like a walk-in booking (its time rules and races), then completes the visit as "follow-up booked".
            ["BookWalkInFollowUp"] = [(409, ["slot_taken", "not_your_ticket", "busy"]), (422, ["visit_not_started",
                "modality_not_offered", "time_in_past", "beyond_horizon", "unit_closed", "not_a_bookable_time", "not_on_duty"])],
            ["AddToWalkInDuty"] = [(409, ["busy"]), (422, ["no_walk_in_today", "unit_closed"])],
            ["CloseWalkInIntake"] = [(409, ["busy"]), (422, ["no_walk_in_today", "unit_closed"])],
            ["StaffSignIn"] = [(403, ["password_sign_in_off"])],
            ["SaveAbsence"] = [(409, ["absence_exists", "busy"])],
            ["WithdrawAbsence"] = [(404, ["absence_not_found"]), (409, ["busy"])],
            ["MarkAbsenceWorkDone"] = [(404, ["absence_not_found", "work_item_not_found"]), (409, ["busy"])],
            ["IssueFeedbackCode"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found", "ticket_not_found"]), (409, ["busy"]),
                (422, ["meeting_not_held", "visit_not_served"])],
            ["GetFeedbackCode"] = [(404, ["feedback_code_not_found"]), (410, ["feedback_code_used", "feedback_code_expired"])],
            ["GiveFeedback"] = [(404, ["feedback_code_not_found"]), (409, ["busy"]), (410, ["feedback_code_used", "feedback_code_expired"])],
            ["RecordMeetingOutcomes"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]), (422, ["meeting_not_held"])],
            ["RecordFamilyGoals"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]), (422, ["meeting_not_held"])],
            ["ReviewFamilyGoals"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]), (422, ["meeting_not_held"])],
            ["OpenStaffAccount"] = [(404, ["staff_not_found"]), (409, ["account_exists", "user_name_taken", "busy"]),
                (422, ["partner_without_sign_in", "staff_inactive"])],
            ["ChangeStaffRole"] = [(404, ["account_not_found"]), (409, ["busy"]), (422, ["own_account", "last_manager"])],
            ["DisableStaffAccount"] = [(404, ["account_not_found"]), (409, ["busy"]), (422, ["own_account", "last_manager"])],
            ["EnableStaffAccount"] = [(404, ["account_not_found"]), (409, ["busy"])],
            ["ResetStaffPassword"] = [(404, ["account_not_found"]), (409, ["busy"])],
            ["SetStaffExternalSignIn"] = [(404, ["account_not_found"]), (409, ["external_id_taken", "busy"])],
            ["LiftStaffSignInLockout"] = [(404, ["account_not_found"]), (409, ["busy"])],
            ["SetVideoLink"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]),
                (422, ["not_a_video_meeting", "appointment_cancelled", "appointment_over"])],
            ["StaffMoveMeeting"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["slot_taken", "busy"]),
                (422, ["time_in_past", "beyond_horizon", "unit_closed", "type_retired", "appointment_cancelled", "appointment_started",
                    "same_professional_twice", "not_a_bookable_time"])],
            ["StaffCancelMeeting"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]), (422, ["appointment_started"])],
            ["StaffReassignMeeting"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["slot_taken", "busy"]),
                (422, ["appointment_cancelled", "appointment_started", "same_professional_twice", "not_a_bookable_time"])],
            ["MarkMeetingHeld"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]),
                (422, ["appointment_cancelled", "appointment_not_started"])],
            ["MarkMeetingNoShow"] = [(403, ["not_your_meeting"]), (404, ["appointment_not_found"]), (409, ["busy"]),
                (422, ["appointment_cancelled", "appointment_not_started"])],
            ["PutConfiguration"] = [(409, ["busy"])],
        };

    /// <summary>The routes whose `slot_taken` answer lists the next free times (a staff move or reassignment names who is not free).</summary>
    private static readonly HashSet<string> OffersNextFreeTimes =
        ["BookAppointment", "MoveBooking", "BookForFamily", "ReserveCallBack", "ReserveCallBackForClient", "BookWalkInFollowUp"];

    public static void Configure(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(CookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "booking.staff",
            Description = "Staff sign in with POST /api/staff/sign-in (or the sign-in page); the answer sets this cookie.",
        });
        options.OperationFilter<ProblemAnswersFilter>();
        options.DocumentFilter<TagDescriptionsFilter>();
    }

    private sealed class ProblemAnswersFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
            var parameters = context.ApiDescription.ParameterDescriptions;
            var staff = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var body = metadata.OfType<IAcceptsMetadata>().Any(a => a.RequestType is not null);
            var problem = Problem(context);

            operation.Responses ??= new OpenApiResponses();
            Add(operation, "400", problem, body
                ? "Some fields are not valid: `errors` names each (`invalid_input`), also for JSON that does not parse or has a value of the wrong type."
                : "A query or route value is not valid: `errors` names it (`invalid_input`).");
            if (body)
            {
                Add(operation, "413", problem, "The body is larger than 10 MB (`body_too_large`).");
                Add(operation, "415", problem, "The body is not sent as `application/json` (`unsupported_media_type`).");
            }
            if (staff)
            {
                Add(operation, "401", null, "Not signed in: sign in first (the staff cookie is missing or expired).");
                Add(operation, "403", null, "Signed in, but this role may not do this.");
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
            }
            if (parameters.Any(p => p.Source == BindingSource.Path))
                Add(operation, "404", problem, "Nothing matches the link or id (`not_found` and the feature's own codes).");
            if (parameters.Any(p => p.Source == BindingSource.Header && p.Name == "If-Match"))
            {
                Add(operation, "412", problem, "The version in `If-Match` is no longer the current one: read again, nothing was written.");
                Add(operation, "428", problem, "`If-Match` is missing: send the version (ETag) you read.");
            }
            if (name is not null && RuleAnswers.TryGetValue(name, out var answers))
                foreach (var (status, codes) in answers)
                    Add(operation, status.ToString(), problem, Describe(name, status, codes));
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                Add(operation, "429", problem, "Too many requests from this address: wait a minute.");
            var takesKey = parameters.Any(p => p.Source == BindingSource.Header && p.Name == IdempotencyKeyHeader.Name);
            Add(operation, "503", problem, DatabaseUnavailable.AdviceFor(context.ApiDescription.HttpMethod ?? "GET", takesKey) switch
            {
                DatabaseUnavailable.Advice.NothingChanged => "The database cannot be reached: nothing was changed; try again (`Retry-After`).",
                DatabaseUnavailable.Advice.RetryWithTheSameKey =>
                    "The database cannot be reached: what was sent may have been saved; retry with the same `Idempotency-Key` to get its answer, or, sent without one, read it back before sending it again (`Retry-After`).",
                _ => "The database cannot be reached: what was sent may have been saved; read it back before sending it again (`Retry-After`).",
            });
        }

        private static string Describe(string name, int status, string[] codes)
        {
            var list = string.Join(", ", codes.Select(c => $"`{c}`"));
            return status switch
            {
                409 => $"It conflicts with what is already there, or someone else got there first: {list}."
                       + (codes.Contains("slot_taken")
                           ? OffersNextFreeTimes.Contains(name) ? " `slot_taken` carries `nextFreeTimes`, the next free times." : " `slot_taken`: choose another time."
                           : "")
                       + (codes.Contains("busy") ? " `busy`: many changes at once, nothing was saved; try again." : ""),
                404 => $"Not found: {list}.",
                403 => $"Not allowed: {list}.",
                410 => $"It existed but can no longer be used: {list}; nothing was written.",
                _ => $"A rule of the unit forbids it: {list}.",
            };
        }

        private static void Add(OpenApiOperation operation, string status, IOpenApiSchema? schema, string description)
        {
            if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse known)
            {
                // Two sources for one status (route value and named codes): keep both sentences.
                if (!(known.Description ?? "").Contains(description, StringComparison.Ordinal))
                    known.Description = string.IsNullOrEmpty(known.Description) ? description : $"{known.Description} {description}";
                return;
            }
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = schema is null ? null : new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = schema },
                },
            };
        }

        /// <summary>The one problem schema (RFC 9457 plus `code`, `errors`, `nextFreeTimes`), added to the document once.</summary>
        private static IOpenApiSchema Problem(OperationFilterContext context)
        {
            if (!context.SchemaRepository.Schemas.ContainsKey(ProblemSchema))
            {
                var freeTime = context.SchemaGenerator.GenerateSchema(typeof(Appointments.FreeTimeDto), context.SchemaRepository);
                var codes = RuleAnswers.Values.SelectMany(a => a).SelectMany(a => a.Codes)
                    .Concat(["invalid_input", "not_found", "unsupported_media_type", "body_too_large", "appointment_not_found",
                        "evening_not_found", "registration_not_found", "call_back_not_found", "ticket_not_found", "no_invitation"])
                    .Distinct().Order();
                context.SchemaRepository.AddDefinition(ProblemSchema, new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "An RFC 9457 problem document. `code` is stable for programs; `detail` and `title` are for a person.",
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                        ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        // Listed, not an enum: a client generated from the document must not break on a code added later.
                        ["code"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Description = "What was refused, for programs (a 429 or 503 has none). Values include: "
                                          + string.Join(", ", codes.Select(c => $"`{c}`")) + ".",
                            Examples = [JsonValue.Create("slot_taken")!],
                        },
                        ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The field at fault, when there is one." },
                        ["errors"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "400: each bad field (as the request names it, e.g. `client.email`) with its messages.",
                            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                        ["nextFreeTimes"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array, Items = freeTime,
                            Description = "409 `slot_taken`: the next free times of the same kind of meeting.",
                        },
                    },
                });
            }
            return new OpenApiSchemaReference(ProblemSchema, context.Document);
        }
    }

    private sealed class TagDescriptionsFilter : IDocumentFilter
    {
        private static readonly Dictionary<string, string> Descriptions = new()
        {
            ["Online booking"] = "Public: meeting types, free times, booking, and managing a booking through its link. Rate-limited per address.",
            ["Walk-in"] = "The Thursday walk-in reception: the kiosk's numbers, the display and phone page, and the supervisors' queue.",
            ["Info evenings"] = "\"Vanhempien eron ABC\" evenings: parents register and cancel; the manager schedules, cancels and keeps the roster.",
            ["Call-backs"] = "Call-back times: parents reserve a time to be phoned; supervisors mark the call; the secretary reserves for a client.",
            ["Staff"] = "Staff sign-in and the signed-in person's own views.",
            ["Configuration"] = "The unit's configuration (manager) and its public holidays.",
            ["Secretary's console"] = "The office secretary's console: families, contacts, central booking, offered hours and info links.",
            ["Supervisor's day"] = "A child supervisor's day: the team, meetings (contacts only where the supervisor may see them), done and no-show.",
            ["Email"] = "The email outbox and its dead letters, and the info-link catalogue (manager).",
            ["Live"] = "Server-sent events for the live screens.",
            ["Health"] = "Whether the service and its database answer.",
            ["Absences and closures"] = "A supervisor's absence or a day the unit is closed (manager): preview what it hits, save it, withdraw it, and the secretary's work list of meetings to rearrange.",
            ["Feedback"] = "Parents' feedback after a meeting: staff issue a one-time code, the parent answers with it, anonymously.",
            ["Figures"] = "The unit's figures for regional and national reporting (manager), and the outcomes and goals a supervisor records after a meeting.",
            ["Legal"] = "The accessibility feedback channel: anyone may send, the manager reads.",
            ["Privacy"] = "Personal-data duties: a family's or a booking's copy, erasure with its plan, who read contacts, and the retention periods.",
            ["Staff accounts"] = "Staff sign-in accounts (manager): open, change role, disable and enable, reset a password, single sign-on value, lift a lockout.",
            ["Staff change meetings"] = "Staff move, cancel or reassign any meeting, and set its video link; the parents are told by email.",
        };

        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            var used = swaggerDoc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct().Order();
            swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
            {
                Name = name,
                Description = Descriptions.GetValueOrDefault(name),
            }));
        }
    }
}
