extension ReportTimeZone {
    /// A zone as Zendesk names it in schedules and users: Zendesk writes Rails-style display names
    /// (`Eastern Time (US & Canada)`, `Berlin`), which map to IANA zones; IANA names (`Europe/Berlin`)
    /// and `UTC` are accepted as they are.
    /// - Throws: ``TimeError/unknownTimeZone(name:suggestion:)`` for a name in neither form.
    public init(zendeskName name: String) throws(TimeError) {
        if let iana = Self.zendeskNames[name] {
            try self.init(iana)
        } else {
            try self.init(name)
        }
    }

    /// Zendesk's display names for the zones most accounts use, and their IANA zones.
    static let zendeskNames: [String: String] = [
        "International Date Line West": "Etc/GMT+12", "Midway Island": "Pacific/Midway",
        "American Samoa": "Pacific/Pago_Pago", "Hawaii": "Pacific/Honolulu", "Alaska": "America/Juneau",
        "Pacific Time (US & Canada)": "America/Los_Angeles", "Tijuana": "America/Tijuana",
        "Mountain Time (US & Canada)": "America/Denver", "Arizona": "America/Phoenix",
        "Chihuahua": "America/Chihuahua", "Mazatlan": "America/Mazatlan",
        "Central Time (US & Canada)": "America/Chicago", "Saskatchewan": "America/Regina",
        "Guadalajara": "America/Mexico_City", "Mexico City": "America/Mexico_City", "Monterrey": "America/Monterrey",
        "Central America": "America/Guatemala", "Eastern Time (US & Canada)": "America/New_York",
        "Indiana (East)": "America/Indiana/Indianapolis", "Bogota": "America/Bogota", "Lima": "America/Lima",
        "Quito": "America/Lima", "Atlantic Time (Canada)": "America/Halifax", "Caracas": "America/Caracas",
        "La Paz": "America/La_Paz", "Santiago": "America/Santiago", "Newfoundland": "America/St_Johns",
        "Brasilia": "America/Sao_Paulo", "Buenos Aires": "America/Argentina/Buenos_Aires",
        "Montevideo": "America/Montevideo", "Greenland": "America/Godthab", "Mid-Atlantic": "Atlantic/South_Georgia",
        "Azores": "Atlantic/Azores", "Cape Verde Is.": "Atlantic/Cape_Verde", "Dublin": "Europe/Dublin",
        "Edinburgh": "Europe/London", "Lisbon": "Europe/Lisbon", "London": "Europe/London",
        "Casablanca": "Africa/Casablanca", "Monrovia": "Africa/Monrovia", "Belgrade": "Europe/Belgrade",
        "Bratislava": "Europe/Bratislava", "Budapest": "Europe/Budapest", "Ljubljana": "Europe/Ljubljana",
        "Prague": "Europe/Prague", "Sarajevo": "Europe/Sarajevo", "Skopje": "Europe/Skopje",
        "Warsaw": "Europe/Warsaw", "Zagreb": "Europe/Zagreb", "Brussels": "Europe/Brussels",
        "Copenhagen": "Europe/Copenhagen", "Madrid": "Europe/Madrid", "Paris": "Europe/Paris",
        "Amsterdam": "Europe/Amsterdam", "Berlin": "Europe/Berlin", "Bern": "Europe/Zurich",
        "Zurich": "Europe/Zurich", "Rome": "Europe/Rome", "Stockholm": "Europe/Stockholm", "Vienna": "Europe/Vienna",
        "West Central Africa": "Africa/Algiers", "Bucharest": "Europe/Bucharest", "Cairo": "Africa/Cairo",
        "Helsinki": "Europe/Helsinki", "Kyiv": "Europe/Kiev", "Riga": "Europe/Riga", "Sofia": "Europe/Sofia",
        "Tallinn": "Europe/Tallinn", "Vilnius": "Europe/Vilnius", "Athens": "Europe/Athens",
        "Istanbul": "Europe/Istanbul", "Minsk": "Europe/Minsk", "Jerusalem": "Asia/Jerusalem",
        "Harare": "Africa/Harare", "Pretoria": "Africa/Johannesburg", "Moscow": "Europe/Moscow",
        "St. Petersburg": "Europe/Moscow", "Kuwait": "Asia/Kuwait", "Riyadh": "Asia/Riyadh",
        "Nairobi": "Africa/Nairobi", "Baghdad": "Asia/Baghdad", "Tehran": "Asia/Tehran", "Abu Dhabi": "Asia/Muscat",
        "Muscat": "Asia/Muscat", "Baku": "Asia/Baku", "Tbilisi": "Asia/Tbilisi", "Yerevan": "Asia/Yerevan",
        "Kabul": "Asia/Kabul", "Karachi": "Asia/Karachi", "Tashkent": "Asia/Tashkent", "Chennai": "Asia/Kolkata",
        "Kolkata": "Asia/Kolkata", "Mumbai": "Asia/Kolkata", "New Delhi": "Asia/Kolkata",
        "Kathmandu": "Asia/Kathmandu", "Dhaka": "Asia/Dhaka", "Almaty": "Asia/Almaty", "Rangoon": "Asia/Rangoon",
        "Bangkok": "Asia/Bangkok", "Hanoi": "Asia/Bangkok", "Jakarta": "Asia/Jakarta",
        "Beijing": "Asia/Shanghai", "Chongqing": "Asia/Chongqing", "Hong Kong": "Asia/Hong_Kong",
        "Kuala Lumpur": "Asia/Kuala_Lumpur", "Singapore": "Asia/Singapore", "Taipei": "Asia/Taipei",
        "Perth": "Australia/Perth", "Seoul": "Asia/Seoul", "Osaka": "Asia/Tokyo", "Sapporo": "Asia/Tokyo",
        "Tokyo": "Asia/Tokyo", "Adelaide": "Australia/Adelaide", "Darwin": "Australia/Darwin",
        "Brisbane": "Australia/Brisbane", "Canberra": "Australia/Melbourne", "Melbourne": "Australia/Melbourne",
        "Sydney": "Australia/Sydney", "Hobart": "Australia/Hobart", "Guam": "Pacific/Guam",
        "Auckland": "Pacific/Auckland", "Wellington": "Pacific/Auckland", "Fiji": "Pacific/Fiji",
        "UTC": "UTC",
    ]
}
