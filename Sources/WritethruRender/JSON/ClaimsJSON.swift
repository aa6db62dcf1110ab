/// `claims --format json`, schema `writethru.claims/1`.
struct ClaimsJSON: Encodable {
    let schema = "writethru.claims/1"
    let changes: [ClaimJSON]
}
