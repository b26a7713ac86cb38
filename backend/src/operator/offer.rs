//! `backend offer from-template`: starts a council's local offer from the
//! demo council's, every entitlement marked as an example to check and
//! edit. Examples are hidden from young people and the public offer page
//! until an administrator saves each one in the offer editor, so one
//! council's offer is never shown as another's.

use super::{council_by_slug, record, Operator, OperatorError};
use crate::seed;
use sea_orm::{DatabaseConnection, TransactionTrait};

/// How many entitlements were copied (0 when the council had them all).
pub async fn from_template(
    db: &DatabaseConnection,
    council: &str,
    operator: &Operator,
) -> Result<usize, OperatorError> {
    let c = council_by_slug(db, council).await?;
    if c.slug == "bexley" {
        return Err(OperatorError::Invalid(
            "Bexley is the demo council: its offer is the template itself.".to_owned(),
        ));
    }
    let txn = db.begin().await?;
    let added = seed::offer::copy_into(&txn, c.id, true).await?;
    if added > 0 {
        record(
            &txn,
            c.id,
            operator,
            "offer.from_template",
            &format!("{added} example entitlements copied from the template"),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(added)
}
