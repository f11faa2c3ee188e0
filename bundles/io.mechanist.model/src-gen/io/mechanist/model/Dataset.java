/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Dataset</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An ordered list of prompts; a prompt's position in the list is its index in every capture of the dataset.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.Dataset#getSource <em>Source</em>}</li>
 *   <li>{@link io.mechanist.model.Dataset#getPrompts <em>Prompts</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getDataset()
 * @model
 * @generated
 */
public interface Dataset extends Identified {
	/**
	 * Returns the value of the '<em><b>Source</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source</em>' attribute.
	 * @see #setSource(String)
	 * @see io.mechanist.model.MechanistPackage#getDataset_Source()
	 * @model
	 * @generated
	 */
	String getSource();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Dataset#getSource <em>Source</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source</em>' attribute.
	 * @see #getSource()
	 * @generated
	 */
	void setSource(String value);

	/**
	 * Returns the value of the '<em><b>Prompts</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.Prompt}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Prompts</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getDataset_Prompts()
	 * @model containment="true"
	 * @generated
	 */
	EList<Prompt> getPrompts();

} // Dataset
