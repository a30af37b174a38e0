/// Password hashing is pgcrypto's bcrypt (`crypt(password, gen_salt('bf', cost))`), computed in SQL
/// so Gerbang carries no cryptographic code. These are the parameters every query passes.
enum PasswordHash {
    /// bcrypt's work factor: pgcrypto's default is 6, weaker than today's advice (10 or more).
    static let cost = 10

    /// A bcrypt hash of a random password nobody knows, with the same cost as real ones. Checking a
    /// password against it when the account does not exist makes "no such user" take as long as
    /// "wrong password", so the answer's timing does not reveal which accounts exist.
    static let dummy = "$2a$10$RErmIIec9/aPFgEP7xsTdu4cy.VHe5Y1AAQu4Rfpogls3a8ngI/vW"
}
