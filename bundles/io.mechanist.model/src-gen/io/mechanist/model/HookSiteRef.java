/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Hook Site Ref</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A captured hook site by canonical id (e.g. blocks.3.resid_post) and the shape of one stored row (e.g. [d_model], or [heads, keys] for attention patterns).
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.HookSiteRef#getSiteId <em>Site Id</em>}</li>
 *   <li>{@link io.mechanist.model.HookSiteRef#getRowShape <em>Row Shape</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getHookSiteRef()
 * @model
 * @generated
 */
public interface HookSiteRef extends EObject {
	/**
	 * Returns the value of the '<em><b>Site Id</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Site Id</em>' attribute.
	 * @see #setSiteId(String)
	 * @see io.mechanist.model.MechanistPackage#getHookSiteRef_SiteId()
	 * @model
	 * @generated
	 */
	String getSiteId();

	/**
	 * Sets the value of the '{@link io.mechanist.model.HookSiteRef#getSiteId <em>Site Id</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Site Id</em>' attribute.
	 * @see #getSiteId()
	 * @generated
	 */
	void setSiteId(String value);

	/**
	 * Returns the value of the '<em><b>Row Shape</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Integer}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Row Shape</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getHookSiteRef_RowShape()
	 * @model unique="false"
	 * @generated
	 */
	EList<Integer> getRowShape();

} // HookSiteRef
