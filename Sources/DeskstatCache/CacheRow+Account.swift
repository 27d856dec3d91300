import GRDB

extension CacheRow {
    /// A user.
    public static func user(
        id: Int64, name: String?, email: String?, role: String?, roleType: Int64?, active: Bool?, suspended: Bool?,
        organizationID: Int64?, defaultGroupID: Int64?, timeZone: String?, createdAt: Int64?, updatedAt: Int64?,
        lastLoginAt: Int64?, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .users,
            named: [
                "id": id, "name": name, "email": email, "role": role, "role_type": roleType, "active": active,
                "suspended": suspended, "organization_id": organizationID, "default_group_id": defaultGroupID,
                "time_zone": timeZone, "created_at": createdAt, "updated_at": updatedAt, "last_login_at": lastLoginAt,
            ],
            rawJSON: rawJSON)
    }

    /// An organization.
    public static func organization(
        id: Int64, name: String?, groupID: Int64?, createdAt: Int64?, updatedAt: Int64?, deletedAt: Int64?,
        rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .organizations,
            named: [
                "id": id, "name": name, "group_id": groupID, "created_at": createdAt, "updated_at": updatedAt,
                "deleted_at": deletedAt,
            ],
            rawJSON: rawJSON)
    }

    /// A group.
    public static func group(
        id: Int64, name: String?, description: String?, isDefault: Bool?, deleted: Bool?, isPublic: Bool?,
        createdAt: Int64?, updatedAt: Int64?, rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .groups,
            named: [
                "id": id, "name": name, "description": description, "is_default": isDefault, "deleted": deleted,
                "is_public": isPublic, "created_at": createdAt, "updated_at": updatedAt,
            ],
            rawJSON: rawJSON)
    }

    /// A group membership.
    public static func groupMembership(
        id: Int64, userID: Int64?, groupID: Int64?, isDefault: Bool?, createdAt: Int64?, updatedAt: Int64?,
        rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .groupMemberships,
            named: [
                "id": id, "user_id": userID, "group_id": groupID, "is_default": isDefault, "created_at": createdAt,
                "updated_at": updatedAt,
            ],
            rawJSON: rawJSON)
    }

    /// A ticket field, form or macro: the tables that share id, a name, active, position and dates.
    public static func configuration(
        _ table: CacheTable, id: Int64, type: String? = nil, name: String?, active: Bool?, isDefault: Bool? = nil,
        position: Int64?, createdAt: Int64?, updatedAt: Int64?, rawJSON: String
    ) -> CacheRow {
        switch table {
        case .ticketFields:
            CacheRow(
                table,
                named: [
                    "id": id, "type": type, "title": name, "active": active, "position": position,
                    "created_at": createdAt, "updated_at": updatedAt,
                ],
                rawJSON: rawJSON)
        case .ticketForms:
            CacheRow(
                table,
                named: [
                    "id": id, "name": name, "active": active, "is_default": isDefault, "position": position,
                    "created_at": createdAt, "updated_at": updatedAt,
                ],
                rawJSON: rawJSON)
        default:
            CacheRow(
                .macros,
                named: [
                    "id": id, "title": name, "active": active, "position": position, "created_at": createdAt,
                    "updated_at": updatedAt,
                ],
                rawJSON: rawJSON)
        }
    }

    /// A tag with its count.
    public static func tag(name: String, count: Int64?, rawJSON: String) -> CacheRow {
        CacheRow(.tags, named: ["name": name, "count": count], rawJSON: rawJSON)
    }

    /// An SLA policy with its filter conditions and targets.
    public static func slaPolicy(
        id: Int64, title: String?, description: String?, position: Int64?, createdAt: Int64?, updatedAt: Int64?,
        conditions: [(kind: String, position: Int, field: String?, operatorName: String?, value: String)],
        metrics: [(priority: String?, metric: String?, target: Double?, targetInSeconds: Double?, businessHours: Bool)],
        rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .slaPolicies,
            named: [
                "id": id, "title": title, "description": description, "position": position, "created_at": createdAt,
                "updated_at": updatedAt,
            ],
            rawJSON: rawJSON,
            children: [
                ChildRows(
                    "sla_policy_conditions", ["policy_id", "kind", "position", "field", "operator", "value"],
                    conditions.map { [id, $0.kind, $0.position, $0.field, $0.operatorName, $0.value] }),
                ChildRows(
                    "sla_policy_metrics",
                    ["policy_id", "position", "priority", "metric", "target", "target_in_seconds", "business_hours"],
                    metrics.enumerated().map { index, metric in
                        [
                            id, index, metric.priority, metric.metric, metric.target, metric.targetInSeconds,
                            metric.businessHours,
                        ]
                    }),
            ])
    }

    /// A business-hours schedule with its intervals (minutes from Sunday 00:00) and holidays.
    public static func schedule(
        id: Int64, name: String?, timeZone: String?, createdAt: Int64?, updatedAt: Int64?,
        intervals: [(start: Int64, end: Int64)],
        holidays: [(id: Int64, name: String?, startDate: String?, endDate: String?)], rawJSON: String
    ) -> CacheRow {
        CacheRow(
            .schedules,
            named: [
                "id": id, "name": name, "time_zone": timeZone, "created_at": createdAt, "updated_at": updatedAt,
            ],
            rawJSON: rawJSON,
            children: [
                ChildRows(
                    "schedule_intervals", ["schedule_id", "position", "start_time", "end_time"],
                    intervals.enumerated().map { [id, $0.offset, $0.element.start, $0.element.end] }),
                ChildRows(
                    "schedule_holidays", ["id", "schedule_id", "name", "start_date", "end_date"],
                    holidays.map { [$0.id, id, $0.name, $0.startDate, $0.endDate] }),
            ])
    }
}
